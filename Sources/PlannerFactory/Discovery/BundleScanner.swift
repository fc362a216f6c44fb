/// Reads one bundle: its manifest (metadata only, no plugin code runs), the library path checks,
/// and its fingerprint. Never throws: every problem becomes an `invalid` record with a reason.
struct BundleScanner: Sendable {
    /// Fingerprint every file of the bundle instead of the manifest and entry file.
    var isDeep: Bool

    /// The fingerprint of a bundle as it is now, given the entry path the last scan found.
    func currentFingerprint(of location: BundleLocation, entryPath: String?) -> Fingerprint {
        if location.listingProblem != nil { return listingFingerprint(location) }
        if isDeep { return Fingerprint.deep(folder: location.path) }
        return Fingerprint.fast(manifest: FileSystem.status(location.manifestPath), entry: entryPath.map(FileSystem.status))
    }

    /// Scans a bundle completely.
    /// - Parameter knownDeepFingerprint: the deep fingerprint already computed for it, if any.
    func scan(_ location: BundleLocation, knownDeepFingerprint: Fingerprint? = nil) -> ScannedBundle {
        if let problem = location.listingProblem {
            return invalid(location, problem, fingerprint: listingFingerprint(location))
        }
        let deep = isDeep ? (knownDeepFingerprint ?? Fingerprint.deep(folder: location.path)) : nil
        let manifestPath = location.manifestPath
        switch FileSystem.readFile(manifestPath, limit: PlannerManifest.maximumSize) {
        case .failure(let failure):
            let fingerprint = deep ?? Fingerprint.fast(manifest: FileSystem.status(manifestPath), entry: nil)
            return invalid(location, describe(failure, manifestPath), fingerprint: fingerprint)
        case .success(let (bytes, manifestStatus)):
            switch ManifestParser.parse(bytes, file: manifestPath) {
            case .failure(let problem):
                let fingerprint = deep ?? Fingerprint.fast(manifest: .success(manifestStatus), entry: nil)
                return invalid(location, problem.description, fingerprint: fingerprint, name: problem.usableName)
            case .success(let manifest):
                let entryPath = location.path + "/" + manifest.entry.library
                let (entryStatus, problem) = checkLibrary(manifest.entry.library, in: location.path, manifestPath: manifestPath)
                let fingerprint = deep ?? Fingerprint.fast(manifest: .success(manifestStatus), entry: entryStatus)
                var record = PlannerRecord(manifest: manifest, path: location.path, fingerprint: fingerprint)
                if let problem {
                    record.status = .invalid
                    record.reason = problem
                }
                return ScannedBundle(location: location, fingerprint: fingerprint, entryPath: entryPath, record: record)
            }
        }
    }

    private func invalid(_ location: BundleLocation, _ reason: String, fingerprint: Fingerprint, name: String? = nil) -> ScannedBundle {
        let record = PlannerRecord(
            invalidBundle: name ?? location.folderName, path: location.path, reason: reason, fingerprint: fingerprint)
        return ScannedBundle(location: location, fingerprint: fingerprint, entryPath: nil, record: record)
    }

    private func listingFingerprint(_ location: BundleLocation) -> Fingerprint {
        var builder = Fingerprint.Builder()
        builder.add(location.path)
        builder.add(FileSystem.linkStatus(location.path))
        return builder.fingerprint
    }

    private func describe(_ failure: FileSystem.ReadFailure, _ manifestPath: String) -> String {
        switch failure {
        case .tooLarge(let size):
            return "\(manifestPath): the manifest is \(size) bytes; manifests are limited to 1 MiB (\(PlannerManifest.maximumSize) bytes)"
        case .system(let error) where error.isNotFound:
            return "\(manifestPath): no planner.json in the bundle folder"
        case .system(let error) where error.isPermissionDenied:
            return "\(manifestPath): cannot be read (permission denied): the bundle folder or its manifest is not readable"
        case .system(let error) where error.isLoop:
            return "\(manifestPath): symbolic link loop; the manifest cannot be resolved"
        case .system(let error):
            return "\(manifestPath): cannot be read (\(error))"
        }
    }

    /// Checks that the library exists, is a file, and stays inside the bundle after resolving links.
    /// - Returns: the library's `stat` (for the fingerprint) and the problem, if any.
    private func checkLibrary(_ library: String, in bundle: String, manifestPath: String)
        -> (Result<FileSystem.Status, Errno>, String?)
    {
        let field = "\(manifestPath): field \"entry.library\": \"\(library)\""
        var path = bundle
        var sawLink = false
        var last: Result<FileSystem.Status, Errno> = .failure(Errno(0))
        for component in library.split(separator: "/") where component != "." {
            path += "/" + component
            last = FileSystem.linkStatus(path)
            switch last {
            case .failure(let error) where error.isNotFound:
                return (last, "\(field) does not exist in the bundle")
            case .failure(let error):
                return (last, "\(field) cannot be examined (\(error))")
            case .success(let status):
                if status.isSymbolicLink { sawLink = true }
            }
        }
        let entryPath = bundle + "/" + library
        if sawLink || library.contains("..") {
            let status = FileSystem.status(entryPath)
            if case .failure(let error) = status {
                if error.isLoop { return (status, "\(field) is a symbolic link loop") }
                if error.isNotFound { return (status, "\(field) is a link whose target does not exist") }
                return (status, "\(field) cannot be resolved (\(error))")
            }
            switch (FileSystem.realPath(bundle), FileSystem.realPath(entryPath)) {
            case (.success(let root), .success(let target)) where !target.hasPrefix(root + "/"):
                return (status, "\(field) resolves to \(target), outside the bundle folder")
            case (.failure(let error), _), (_, .failure(let error)):
                return (status, "\(field) cannot be resolved (\(error))")
            default:
                last = status
            }
        }
        if case .success(let status) = last, !status.isRegularFile {
            return (last, "\(field) is \(status.isDirectory ? "a folder" : "not a regular file"), not a library file")
        }
        return (last, nil)
    }
}
