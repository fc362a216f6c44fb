/// A bundle folder found on the search path, before its manifest is read. Two locations are equal
/// when their paths are the same bytes (not merely Unicode-equivalent: `café` in NFC and NFD are
/// two folders).
struct BundleLocation: Sendable {
    /// The position of its search-path folder in the plugin path.
    var searchIndex: Int
    /// The search-path folder it sits in.
    var searchFolder: String
    /// The folder's name inside the search-path folder (bytes that are not UTF-8 kept as `PathBytes` escapes).
    var folderName: String
    /// The folder's path.
    var path: String
    /// A problem found while listing (a symlink loop, a dangling link).
    var listingProblem: String?
    /// Whether the folder is reached through a symbolic link (or a file system that did not say):
    /// a watch on it would not notice the link being pointed elsewhere further along.
    var isThroughLink = false

    var manifestPath: String { path + "/planner.json" }

    /// Whether this is the same folder, found in the same place, as `other`.
    func isSame(as other: BundleLocation) -> Bool {
        searchIndex == other.searchIndex && path.utf8.elementsEqual(other.path.utf8)
            && listingProblem == other.listingProblem
    }

    /// Where to find a file of the bundle: relative to the search folder's descriptor when
    /// there is one (a shorter walk for the kernel), else by absolute path.
    func locate(_ relative: String, in searchFolder: Int32?) -> (path: String, directory: Int32) {
        if let searchFolder { return (folderName + "/" + relative, searchFolder) }
        return (path + "/" + relative, FileSystem.currentFolder)
    }
}

/// Lists the bundle folders of the plugin path: every immediate sub-folder (or link to one) of
/// each search-path folder, hidden names (starting with ".") excepted, in name byte order.
enum BundleLister {
    /// The search folders of a plugin path, without trailing slashes, each once (first place),
    /// with their position in the path; and the folders listed more than once.
    static func searchFolders(_ pluginPath: [String]) -> (folders: [(index: Int, folder: String)], repeated: [String]) {
        var seen = Set<String>()
        var folders: [(index: Int, folder: String)] = []
        var repeated: [String] = []
        for (index, rawFolder) in pluginPath.enumerated() {
            let folder = rawFolder.count > 1 && rawFolder.hasSuffix("/") ? String(rawFolder.dropLast()) : rawFolder
            if seen.insert(folder).inserted { folders.append((index, folder)) } else { repeated.append(folder) }
        }
        return (folders, repeated)
    }

    /// Lists every bundle; with a watcher, each search folder is watched before it is listed.
    static func list(pluginPath: [String], watcher: ChangeWatcher? = nil) -> (locations: [BundleLocation], warnings: [String]) {
        var locations: [BundleLocation] = []
        let (folders, repeated) = searchFolders(pluginPath)
        var warnings = repeated.map { "The plugin path lists \"\($0)\" more than once; only its first place counts." }
        for (index, folder) in folders {
            watcher?.watchSearchFolder(folder)
            switch FileSystem.listFolder(folder) {
            case .failure(let error):
                warnings.append(describe(folder: folder, error: error))
            case .success(let entries):
                // On one core: handing the classification to both was slower (the other thread's
                // first allocations and its wake-up cost more than its half of the work).
                locations.reserveCapacity(locations.count + entries.count)
                for entry in sortedByName(entries) where !entry.exactName.hasPrefix(".") {
                    if let location = classify(entry, in: folder, searchIndex: index) { locations.append(location) }
                }
            }
        }
        return (locations, warnings)
    }

    /// The entries in the byte order of their names. Names with bytes that are not UTF-8 are
    /// compared by those bytes; the others by their UTF-8, first by their `sortKey` (which
    /// decides nearly every comparison), then whole. The sort moves pairs of a key and a
    /// position, plain integers, rather than the entries.
    static func sortedByName(_ entries: [FileSystem.Entry]) -> [FileSystem.Entry] {
        if entries.contains(where: { PathBytes.holdsRawBytes($0.exactName) }) {
            return entries.sorted { PathBytes.bytes(of: $0.exactName).lexicographicallyPrecedes(PathBytes.bytes(of: $1.exactName)) }
        }
        var order = entries.indices.map { (key: entries[$0].sortKey, position: $0) }
        order.sort { lhs, rhs in
            lhs.key != rhs.key ? lhs.key < rhs.key : entries[lhs.position].exactName.precedesInByteOrder(entries[rhs.position].exactName)
        }
        return order.map { entries[$0.position] }
    }

    private static func describe(folder: String, error: Errno) -> String {
        if error.isNotFound { return "The plugin path folder \"\(folder)\" does not exist; it is skipped." }
        if error.isNotDirectory { return "The plugin path entry \"\(folder)\" is not a folder; it is skipped." }
        if error.isPermissionDenied { return "The plugin path folder \"\(folder)\" cannot be read (permission denied); it is skipped." }
        return "The plugin path folder \"\(folder)\" cannot be listed (\(error)); it is skipped."
    }

    /// A location for a folder entry, or `nil` when the entry is not a folder (plain files are not bundles).
    private static func classify(_ entry: FileSystem.Entry, in folder: String, searchIndex: Int) -> BundleLocation? {
        // One allocation, not one for `folder + "/"` and another for the name.
        var path = ""
        path.reserveCapacity(folder.utf8.count + 1 + entry.exactName.utf8.count)
        path += folder
        path += "/"
        path += entry.exactName
        var location = BundleLocation(
            searchIndex: searchIndex, searchFolder: folder, folderName: entry.exactName, path: path, listingProblem: nil)
        switch entry.type {
        case FileSystem.typeDirectory, FileSystem.typeLink, FileSystem.typeUnknown: break
        default: return nil  // plain files, FIFOs, sockets, devices are not bundles
        }
        if entry.type == FileSystem.typeDirectory { return location }
        location.isThroughLink = true
        switch FileSystem.status(path) {
        case .success(let status):
            return status.isDirectory ? location : nil
        case .failure(let error) where error.isLoop:
            location.listingProblem = "\(path): symbolic link loop; the bundle folder cannot be resolved"
        case .failure(let error) where error.isNotFound:
            location.listingProblem = "\(path): dangling symbolic link; its target does not exist"
        case .failure(let error):
            location.listingProblem = "\(path): cannot be examined (\(error))"
        }
        return location
    }
}
