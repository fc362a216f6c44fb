/// A worker's start without the factory: `factory-host serve LIBRARY` spawned bare from C (its
/// stdin and stdout on pipes), timed until its handshake line is read (`toLine`); then its input
/// is closed and it is waited for (the sample's own timing covers that too). It goes through the
/// launcher (a PID namespace, init, the worker) and loads the plugin, as a worker does; no
/// `create` call, no Swift on this side.
final class HostHandshakeMeasurement: Measurement {
    let arguments: CStringArray
    let environment = CStringArray(["PATH=/usr/bin:/bin", "LANG=C.UTF-8"])
    /// Per sample (warm-up included): spawn to the handshake line read.
    private(set) var toLine: [Duration] = []

    init(hostPath: String, library: String) {
        arguments = CStringArray([hostPath, "serve", library])
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let stopwatch = Stopwatch()
        toLine.append(try NativeCalls.spawnUntilLine(arguments, environment: environment))
        return stopwatch.elapsed()
    }
}
