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
        let manifest = location.locate("planner.json", in: folder)
        let entry = library.map { location.locate($0, in: folder) }
        let fast = Fingerprint.fast(
            manifest: FileSystem.pathState(manifest.path, at: manifest.directory),
            entry: entry.map { FileSystem.pathState($0.path, at: $0.directory) })
        return isDeep ? Fingerprint.deep(folder: location.path, fast: fast) : fast
    }

    /// Scans a bundle completely. The fingerprint is computed from what the scan saw, exactly as
    /// `currentFingerprint` computes it later.
    func scan(_ location: BundleLocation, in folder: Int32? = nil) -> ScannedBundle {
        if let problem = location.listingProblem {
            return invalid(location, problem, fingerprint: listingFingerprint(location))
        }
        let manifest = location.locate("planner.json", in: folder)
        let read = FileSystem.withContents(of: manifest.path, at: manifest.directory, limit: PlannerManifest.maximumSize) {
            bytes, status, isLink in (ManifestParser.parse(bytes, file: { location.manifestPath }), status, isLink)
        }
        // The manifest's own status: the opened file's, unless the name is a link (then both).
        func manifestState(_ status: FileSystem.Status, isLink: Bool) -> FileSystem.PathState {
            isLink ? FileSystem.PathState(own: FileSystem.linkStatus(manifest.path, at: manifest.directory), target: .success(status))
                : FileSystem.PathState(own: .success(status))
        }
        switch read {
        case .failure(let failure):
            let fingerprint = finish(Fingerprint.fast(manifest: FileSystem.pathState(manifest.path, at: manifest.directory), entry: nil), location)
            return invalid(location, describe(failure, location.manifestPath), fingerprint: fingerprint)
        case .success(let (.failure(problem), manifestStatus, isLink)):
            let fingerprint = finish(Fingerprint.fast(manifest: manifestState(manifestStatus, isLink: isLink), entry: nil), location)
            var bundle = invalid(location, problem.description, fingerprint: fingerprint, name: problem.usableName)
            bundle.isWatchable = !isLink && !location.isThroughLink
            return bundle
        case .success(let (.success(parsed), manifestStatus, isLink)):
            let library = parsed.entry.library
            let check = LibraryCheck(location: location, folder: folder, library: library).run()
            let fingerprint = finish(Fingerprint.fast(manifest: manifestState(manifestStatus, isLink: isLink), entry: check.state), location)
            var record = PlannerRecord(manifest: parsed, path: location.path, fingerprint: fingerprint)
            if let problem = check.problem {
                record.status = .invalid
                record.reason = "\(location.manifestPath): field \"entry.library\": \"\(library)\" \(problem)"
            }
            return ScannedBundle(
                location: location, fingerprint: fingerprint, library: library, record: record,
                isWatchable: !isLink && check.isWatchable && !location.isThroughLink)
        }
    }

    /// The fast fingerprint, or in deep mode the deep one built on it.
    private func finish(_ fast: Fingerprint, _ location: BundleLocation) -> Fingerprint {
        isDeep ? Fingerprint.deep(folder: location.path, fast: fast) : fast
    }

    private func invalid(_ location: BundleLocation, _ reason: String, fingerprint: Fingerprint, name: String? = nil) -> ScannedBundle {
        let record = PlannerRecord(
            invalidBundle: name ?? location.folderName, path: location.path, reason: reason, fingerprint: fingerprint)
        return ScannedBundle(location: location, fingerprint: fingerprint, library: nil, record: record, isWatchable: false)
    }

    /// A folder entry that could not be used as a bundle: the entry and, for a link, its target,
    /// so a dangling link whose target appears is a change.
    private func listingFingerprint(_ location: BundleLocation) -> Fingerprint {
        var builder = Fingerprint.Builder()
        builder.add(location.path)
        builder.add(FileSystem.pathState(location.path))
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
        case .notRegularFile:
            return "\(manifestPath): not a regular file (a FIFO, socket or device); the manifest must be a file"
        }
    }
}
