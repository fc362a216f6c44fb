extension BundleScanner {
    /// Scans a bundle whose manifest has a `process` entry. No code runs: a program in the bundle
    /// (`command[0]` with a `/`) must exist, stay inside the bundle after resolving links, be a
    /// regular file and have an execute bit; an absolute program or a bare name (looked up on
    /// `PATH` when the plugin runs) is not checked here. The fast fingerprint covers the
    /// manifest, the program when it is in the bundle, and every later command element that
    /// names an existing file of the bundle (`["python3", "planner.py"]` covers `planner.py`).
    func scanProcess(
        _ manifest: PlannerManifest, _ location: BundleLocation, in folder: Int32?,
        manifestState: FileSystem.PathState, isManifestWatchable: Bool
    ) -> ScannedBundle {
        let command = manifest.entry.command
        var files: [(name: String, state: FileSystem.PathState)] = []
        var isWatchable = isManifestWatchable
        var problem: String?
        if let program = manifest.entry.library {
            let check = BundleFileCheck(location: location, folder: folder, file: program, role: .program).run()
            files.append((program, check.state))
            isWatchable = isWatchable && check.isWatchable
            if let reason = check.problem {
                problem = "\(location.manifestPath): field \"entry.command[0]\": \(TerminalText.quoted(program)) \(reason)"
            }
        }
        for argument in command.dropFirst() where !files.contains(where: { $0.name == argument }) {
            guard let state = Self.bundleFileState(argument, location, in: folder) else { continue }
            files.append((argument, state))
            if case .success(let status) = state.own, status.isSymbolicLink { isWatchable = false }
            if BundleFileCheck.prefixes(of: argument).count != 1 { isWatchable = false }
        }
        let fingerprint = finish(Fingerprint.fast(manifest: manifestState, commandFiles: files), location)
        var record = PlannerRecord(manifest: manifest, path: location.path, fingerprint: fingerprint)
        if let problem {
            record.status = .invalid
            record.reason = problem
        }
        return ScannedBundle(
            location: location, fingerprint: fingerprint, library: manifest.entry.library,
            commandFiles: files.map(\.name), record: record, isWatchable: isWatchable)
    }

    /// The state of a command argument that names a regular file of the bundle (following
    /// links); `nil` for anything else (an option, an absolute path, a path leaving the bundle,
    /// a missing file, a folder).
    private static func bundleFileState(_ argument: String, _ location: BundleLocation, in folder: Int32?) -> FileSystem.PathState? {
        guard LibraryPath.textualProblem(argument) == nil else { return nil }
        let located = location.locate(argument, in: folder)
        let state = FileSystem.pathState(located.path, at: located.directory)
        let resolved = state.target ?? state.own
        guard case .success(let status) = resolved, status.isRegularFile else { return nil }
        return state
    }
}
