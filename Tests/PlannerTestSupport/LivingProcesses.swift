import Foundation

/// The processes of this machine, read from `/proc`: what a test checks is left behind.
public enum LivingProcesses {
    /// "pid: command line" of every process that is not a zombie and whose command line matches
    /// `predicate`.
    public static func matching(_ predicate: (String) -> Bool) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { Int32($0) != nil }.compactMap { pid in
            guard let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let command = String(decoding: raw.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
            guard predicate(command) else { return nil }
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            let state = stat.split(separator: ")").last?.split(separator: " ").first
            return state == "Z" ? nil : "\(pid): \(command)"
        }
    }

    /// "pid: command line" of every living descendant of `pid` (children, their children …).
    public static func descendants(of pid: Int32) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var children: [Int32: [Int32]] = [:]
        for entry in entries {
            guard let child = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let fields = stat.split(separator: ")").last?.split(separator: " "), fields.count > 1,
                  fields[0] != "Z", let parent = Int32(fields[1]) else { continue }
            children[parent, default: []].append(child)
        }
        var found: [String] = []
        var queue = children[pid] ?? []
        while let next = queue.popLast() {
            let raw = FileManager.default.contents(atPath: "/proc/\(next)/cmdline") ?? Data()
            found.append("\(next): " + String(decoding: raw.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self))
            queue += children[next] ?? []
        }
        return found
    }
}
