/// Reads one bundle: its manifest (metadata only, no plugin code runs), the library path checks,
/// and its fingerprint. Never throws: every problem becomes an `invalid` record with a reason.
///
/// Every call takes the descriptor of the bundle's search folder when the caller has one open
/// (discovery does), so system calls use short relative paths; `nil` means absolute paths.
struct BundleScanner: Sendable {
    /// Fingerprint every file of the bundle instead of the manifest and entry file.
    var isDeep: Bool

    /// The fingerprint of a bundle as it is now, given the entry library the last scan found.
    func currentFingerprint(of location: BundleLocation, library: String?, in folder: Int32? = nil) -> Fingerprint {
        if location.listingProblem != nil { return listingFingerprint(location) }
        if isDeep { return Fingerprint.deep(folder: location.path) }
        let manifest = location.locate("planner.json", in: folder)
        let entry = library.map { location.locate($0, in: folder) }
        return Fingerprint.fast(
            manifest: FileSystem.status(manifest.path, at: manifest.directory),
            entry: entry.map { FileSystem.status($0.path, at: $0.directory) })
    }

    /// Scans a bundle completely.
    /// - Parameter knownDeepFingerprint: the deep fingerprint already computed for it, if any.
    func scan(_ location: BundleLocation, in folder: Int32? = nil, knownDeepFingerprint: Fingerprint? = nil) -> ScannedBundle {
        if let problem = location.listingProblem {
            return invalid(location, problem, fingerprint: listingFingerprint(location))
        }
        let deep = isDeep ? (knownDeepFingerprint ?? Fingerprint.deep(folder: location.path)) : nil
        let manifest = location.locate("planner.json", in: folder)
        let read = FileSystem.withContents(of: manifest.path, at: manifest.directory, limit: PlannerManifest.maximumSize) {
            bytes, status, isLink in (ManifestParser.parse(bytes, file: { location.manifestPath }), status, isLink)
        }
        switch read {
        case .failure(let failure):
            let fingerprint = deep ?? Fingerprint.fast(manifest: FileSystem.status(manifest.path, at: manifest.directory), entry: nil)
            return invalid(location, describe(failure, location.manifestPath), fingerprint: fingerprint)
        case .success(let (.failure(problem), manifestStatus, isLink)):
            let fingerprint = deep ?? Fingerprint.fast(manifest: .success(manifestStatus), entry: nil)
            var bundle = invalid(location, problem.description, fingerprint: fingerprint, name: problem.usableName)
            bundle.isWatchable = !isLink
            return bundle
        case .success(let (.success(parsed), manifestStatus, isLink)):
            let library = parsed.entry.library
            let check = LibraryCheck(location: location, folder: folder, library: library).run()
            let fingerprint = deep ?? Fingerprint.fast(manifest: .success(manifestStatus), entry: check.status)
            var record = PlannerRecord(manifest: parsed, path: location.path, fingerprint: fingerprint)
            if let problem = check.problem {
                record.status = .invalid
                record.reason = "\(location.manifestPath): field \"entry.library\": \"\(library)\" \(problem)"
            }
            let isMissing = !library.utf8.contains(UInt8(ascii: "/")) && { if case .failure(let error) = check.status { error.isNotFound } else { false } }()
            return ScannedBundle(
                location: location, fingerprint: fingerprint, library: library, record: record,
                isWatchable: !isLink && (check.isPlain || isMissing))
        }
    }

    private func invalid(_ location: BundleLocation, _ reason: String, fingerprint: Fingerprint, name: String? = nil) -> ScannedBundle {
        let record = PlannerRecord(
            invalidBundle: name ?? location.folderName, path: location.path, reason: reason, fingerprint: fingerprint)
        return ScannedBundle(location: location, fingerprint: fingerprint, library: nil, record: record, isWatchable: false)
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
}
