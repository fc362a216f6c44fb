import Foundation

/// The committed corpora of the libFuzzer targets (`Fuzz/Corpus/<target>`, grown by
/// `scripts/fuzz`), for tests that replay them through the same properties in every test run.
public enum FuzzCorpus {
    /// `Fuzz/Corpus` of the repository.
    public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fuzz/Corpus").standardized.path

    /// Every input of `target`'s corpus (such as `manifest`), with its file name, by name.
    public static func inputs(of target: String) throws -> [(name: String, bytes: [UInt8])] {
        let targetFolder = folder + "/" + target
        return try FileManager.default.contentsOfDirectory(atPath: targetFolder).sorted().map { name in
            (name, Array(try Data(contentsOf: URL(fileURLWithPath: targetFolder + "/" + name))))
        }
    }
}
