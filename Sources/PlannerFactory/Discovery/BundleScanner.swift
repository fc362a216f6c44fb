/// Reads one bundle: its manifest (metadata only, no plugin code runs), the library path checks,
/// and its fingerprint. Never throws: every problem becomes an `invalid` record with a reason.
///
/// Every call takes the descriptor of the bundle's search folder when the caller has one open
/// (discovery does), so system calls use short relative paths; `nil` means absolute paths.
struct BundleScanner: Sendable {
    /// Fingerprint every file of the bundle instead of the manifest and entry file.
    var isDeep: Bool

    /// The fingerprint of a bundle as it is now, for the files the last scan found it covers: the
    /// manifest and the library, or a process plugin's command files.
    func currentFingerprint(of bundle: ScannedBundle, in folder: Int32? = nil) -> Fingerprint {
        currentFingerprint(of: bundle.location, library: bundle.library, commandFiles: bundle.commandFiles, in: folder)
    }

    /// The fingerprint of a bundle as it is now, given the entry library and, for a process
    /// bundle, the command files the last scan found (`ScannedBundle.commandFiles`; without them
    /// a process bundle's fingerprint is not reproduced).
    func currentFingerprint(
        of location: BundleLocation, library: String?, commandFiles: [String]? = nil, in folder: Int32? = nil
    ) -> Fingerprint {
        if location.listingProblem != nil { return listingFingerprint(location) }
        let manifest = location.locate("planner.json", in: folder)
        let manifestState = FileSystem.pathState(manifest.path, at: manifest.directory)
        func state(_ file: String) -> FileSystem.PathState {
            let located = location.locate(file, in: folder)
            return FileSystem.pathState(located.path, at: located.directory)
        }
        let fast = if let commandFiles {
            Fingerprint.fast(manifest: manifestState, commandFiles: commandFiles.map { ($0, state($0)) })
        } else {
            Fingerprint.fast(manifest: manifestState, entry: library.map(state))
        }
        return finish(fast, location)
    }

    /// Scans a bundle completely. The fingerprint is computed from what the scan saw, exactly as
    /// `currentFingerprint` computes it later.
    func scan(_ location: BundleLocation, in folder: Int32? = nil) -> ScannedBundle {
        if let problem = location.listingProblem {
            return invalid(location, problem, fingerprint: listingFingerprint(location))
        }
        let manifest = location.locate("planner.json", in: folder)
        // The whole scan happens while the manifest's bytes are at hand, so nothing parsed is
        // copied out of a generic result (those copies were a tenth of its user-space time).
        let read = FileSystem.withContents(of: manifest.path, at: manifest.directory, limit: PlannerManifest.maximumSize) {
            bytes, status, isLink in
            // The manifest's own status: the opened file's, unless the name is a link (then both).
            let state = isLink
                ? FileSystem.PathState(own: FileSystem.linkStatus(manifest.path, at: manifest.directory), target: .success(status))
                : FileSystem.PathState(own: .success(status))
            return scan(ManifestParser.parse(bytes, file: { location.manifestPath }), location, in: folder, manifestState: state,
                        isManifestWatchable: !isLink && !location.isThroughLink)
        }
        switch consume read {
        case .failure(let failure):
            let fingerprint = finish(Fingerprint.fast(manifest: FileSystem.pathState(manifest.path, at: manifest.directory), entry: nil), location)
            return invalid(location, describe(failure, location.manifestPath), fingerprint: fingerprint)
        case .success(let bundle):
            return bundle
        }
    }

    /// The rest of a scan once the manifest was parsed: checks the file its entry names and
    /// makes the record.
    private func scan(
        _ parsed: consuming Result<PlannerManifest, ManifestProblem>, _ location: BundleLocation, in folder: Int32?,
        manifestState state: FileSystem.PathState, isManifestWatchable: Bool
    ) -> ScannedBundle {
        switch consume parsed {
        case .failure(let problem):
            let fingerprint = finish(Fingerprint.fast(manifest: state, entry: nil), location)
            var bundle = invalid(location, problem.description, fingerprint: fingerprint, name: problem.usableName)
            bundle.isWatchable = isManifestWatchable
            return bundle
        case .success(let parsed):
            if parsed.entry.kind == .process {
                return scanProcess(parsed, location, in: folder, manifestState: state, isManifestWatchable: isManifestWatchable)
            }
            let library = parsed.entry.library ?? ""
            let check = BundleFileCheck(location: location, folder: folder, file: library, role: .library).run()
            let fingerprint = finish(Fingerprint.fast(manifest: state, entry: check.state), location)
            var record = PlannerRecord(manifest: parsed, path: location.path, fingerprint: fingerprint)
            if let problem = check.problem {
                record.status = .invalid
                record.reason = "\(location.manifestPath): field \"entry.library\": \(TerminalText.quoted(library)) \(problem)"
            }
            return ScannedBundle(
                location: location, fingerprint: fingerprint, library: library, record: record,
                isWatchable: isManifestWatchable && check.isWatchable)
        }
    }

    /// The fast fingerprint, or in deep mode the deep one built on it.
    func finish(_ fast: Fingerprint, _ location: BundleLocation) -> Fingerprint {
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
