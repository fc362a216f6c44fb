/// A worker's start without the factory: `factory-host serve LIBRARY` spawned bare from C (its
/// stdin and stdout on pipes), timed until its handshake line is read; then its input is closed
/// and it is waited for (untimed). It goes through the launcher (a PID namespace, init, the
/// worker) and loads the plugin, as a worker does; no `create` call, no Swift on this side.
final class HostHandshakeMeasurement: Measurement {
    let arguments: CStringArray
    let environment = CStringArray(["PATH=/usr/bin:/bin", "LANG=C.UTF-8"])

    init(hostPath: String, library: String) {
        arguments = CStringArray([hostPath, "serve", library])
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let toLine = try NativeCalls.spawnUntilLine(arguments, environment: environment)
        return Timing(wall: toLine, cpu: .zero)
    }
}
