import Dispatch

/// The first discovery of a plugin path, listing and scanning at once. The first thread to start
/// lists the search folders and hands their entries out in batches as `readdir` gives them; every
/// thread (the lister too, once it is done) scans the bundles of the batches; then the scans are
/// put in `BundleLister`'s order: plugin-path order, then the byte order of the names. Listing
/// 10,000 bundles takes about 10 ms of one core, which no longer holds the scans up.
///
/// No thread waits for one that may not have started: the lister is whichever thread comes
/// first, and it never waits for the others.
enum ListingScan {
    /// Entries a batch: small enough that the scans start after the first `readdir` calls.
    static let batchSize = 128

    /// Lists and scans every bundle of `pluginPath`.
    /// - Returns: the bundles, in plugin-path order, then name byte order; and the listing's
    ///   warnings (repeated and unreadable search folders), in plugin-path order.
    static func run(pluginPath: [String], scanner: BundleScanner, workers: Int = ProcessorCount.active) -> (bundles: [ScannedBundle], warnings: [String]) {
        let (folders, repeated) = BundleLister.searchFolders(pluginPath)
        let pipeline = Pipeline(folderCount: folders.count)
        DispatchQueue.concurrentPerform(iterations: max(1, workers)) { _ in
            if pipeline.claimListing() {
                for (position, (index, folder)) in folders.enumerated() {
                    pipeline.list(folder, searchIndex: index, position: position)
                }
                pipeline.finishListing()
            }
            while let batch = pipeline.nextBatch() {
                let scans = ScanBatch(capacity: batch.entries.count)
                for entry in batch.entries {
                    if let location = BundleLister.classify(entry, in: batch.folder, searchIndex: batch.searchIndex) {
                        scans.append(scanner.scan(location, in: batch.descriptor))
                    }
                }
                pipeline.store(scans, position: batch.position)
            }
        }
        let (scanned, listingWarnings, descriptors) = pipeline.results()
        descriptors.forEach(FileSystem.closeFolder)
        let bundles = ScanBatch.moveInOrder(scanned)
        let warnings = repeated.map { "The plugin path lists \"\($0)\" more than once; only its first place counts." }
            + listingWarnings.compactMap { $0 }
        return (bundles, warnings)
    }

    /// Entries of one search folder, to scan.
    private struct Batch: Sendable {
        var folder: String
        var searchIndex: Int
        /// The search folder's place in the list of search folders.
        var position: Int
        /// The search folder, open for the pass; `nil` if it could not be opened (absolute paths then).
        var descriptor: Int32?
        var entries: [FileSystem.Entry]
    }

    /// What the threads share. `@unchecked Sendable`: every stored property is touched only with
    /// `condition`'s mutex held.
    private final class Pipeline: @unchecked Sendable {
        private let condition = MonotonicCondition()
        private var isClaimed = false
        private var isListed = false
        private var pending: [Batch] = []
        private var scanned: [[ScanBatch]]
        private var warnings: [String?]
        private var descriptors: [Int32] = []

        init(folderCount: Int) {
            scanned = Array(repeating: [], count: folderCount)
            warnings = Array(repeating: nil, count: folderCount)
        }

        /// Whether the calling thread is the first, and so the lister.
        func claimListing() -> Bool {
            condition.withLock {
                defer { isClaimed = true }
                return !isClaimed
            }
        }

        /// Lists one search folder, handing out its visible entries (not starting with ".") in batches.
        func list(_ folder: String, searchIndex: Int, position: Int) {
            let descriptor = FileSystem.openFolder(folder)
            if let descriptor { condition.withLock { descriptors.append(descriptor) } }
            let error = FileSystem.listFolder(folder, batchSize: ListingScan.batchSize) { entries in
                let visible = entries.filter { !$0.exactName.hasPrefix(".") }
                guard !visible.isEmpty else { return }
                let batch = Batch(folder: folder, searchIndex: searchIndex, position: position, descriptor: descriptor, entries: visible)
                condition.withLock {
                    pending.append(batch)
                    condition.broadcast()
                }
            }
            if let error {
                condition.withLock { warnings[position] = BundleLister.describe(folder: folder, error: error) }
            }
        }

        func finishListing() {
            condition.withLock {
                isListed = true
                condition.broadcast()
            }
        }

        /// A batch to scan, waiting while the lister may still hand some out; `nil` when all are taken.
        func nextBatch() -> Batch? {
            condition.withLock {
                while true {
                    if let batch = pending.popLast() { return batch }
                    if isListed { return nil }
                    _ = condition.wait(until: nil)
                }
            }
        }

        func store(_ scans: ScanBatch, position: Int) {
            condition.withLock { scanned[position].append(scans) }
        }

        /// Everything, once every thread is done.
        func results() -> (scanned: [[ScanBatch]], warnings: [String?], descriptors: [Int32]) {
            condition.withLock { (scanned, warnings, descriptors) }
        }
    }

    /// The scans of one batch, in memory of their own until they are moved (not copied: a copy
    /// retains every string of a record) into the result. `@unchecked Sendable`: one thread fills
    /// it, then hands it over under the pipeline's lock; it is read after every thread is done.
    private final class ScanBatch: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<ScannedBundle>
        private var count = 0

        init(capacity: Int) {
            storage = .allocate(capacity: max(capacity, 1))
        }

        deinit {
            if let base = storage.baseAddress { base.deinitialize(count: count) }
            storage.deallocate()
        }

        func append(_ bundle: ScannedBundle) {
            guard let base = storage.baseAddress, count < storage.count else { return }
            (base + count).initialize(to: bundle)
            count += 1
        }

        /// Every scan of `batches` (the batches of each search folder, folder by folder), moved
        /// out in order: folder by folder, and in each the byte order of the names.
        static func moveInOrder(_ batches: [[ScanBatch]]) -> [ScannedBundle] {
            let total = batches.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
            return [ScannedBundle](unsafeUninitializedCapacity: total) { buffer, initialized in
                guard let output = buffer.baseAddress else { return }
                for folderBatches in batches {
                    let elements = folderBatches.flatMap { batch in
                        batch.storage.baseAddress.map { base in (0..<batch.count).map { base + $0 } } ?? []
                    }
                    for index in BundleLister.byteOrder(of: elements.map(\.pointee.location.folderName)) {
                        (output + initialized).moveInitialize(from: elements[index], count: 1)
                        initialized += 1
                    }
                    for batch in folderBatches { batch.count = 0 }  // moved out: nothing left to deinitialize
                }
            }
        }
    }
}
