/// Runs `first` and `second` at the same time on two threads, or one after the other when
/// `isParallel` is `false` or the process may use one core only, and returns both results.
///
/// ```swift
/// let (names, lists) = concurrently({ sortNames() }, { buildLists() })
/// ```
func concurrently<First: Sendable, Second: Sendable>(
    isParallel: Bool = true, _ first: @Sendable () -> First, _ second: @Sendable () -> Second
) -> (First, Second) {
    let results = parallelMap(count: 2, minimumParallelCount: 2, workers: isParallel ? ProcessorCount.active : 1) { task in
        task == 0 ? Either<First, Second>.first(first()) : .second(second())
    }
    guard case .first(let one) = results[0], case .second(let other) = results[1] else {
        preconditionFailure("parallelMap returns the results in task order")
    }
    return (one, other)
}

/// The result of one of the two tasks of `concurrently`.
private enum Either<First: Sendable, Second: Sendable>: Sendable {
    case first(First)
    case second(Second)
}
