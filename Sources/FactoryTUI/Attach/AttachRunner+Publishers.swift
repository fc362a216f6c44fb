import Foundation
import PlannerFactory
import PlannerKit

extension AttachRunner {
    /// Waits (listing the publishers every half second) until the target publishes; `nil` after
    /// one wait, for the caller to ask again (the target may have changed meanwhile).
    func findPublisher() -> LiveEndpoint? {
        let target = self.target.withLock { $0 }
        let endpoints = directory.publishers()
        switch target {
        case .pick:
            inbox.post(.publishers(choices(endpoints)))
            pause(.seconds(1))
            return nil
        case .pid(let pid):
            if let endpoint = endpoints.first(where: { $0.pid == pid }) { return endpoint }
        case .id(let id):
            if let endpoint = endpoints.first(where: { $0.id == id }) { return endpoint }
            // Gone before it was picked: back to the list.
            self.target.withLock { if $0 == target { $0 = .pick } }
            inbox.post(.detached("That process no longer publishes: pick another"))
            return nil
        case .command(let command):
            let ids = Set(endpoints.map(\.id))
            commands.withLock { $0 = $0.filter { ids.contains($0.key) } }
            let now = ContinuousClock.now
            let gone = goneIDs.withLock { gone in
                gone = gone.filter { ids.contains($0.key) && now - $0.value < Self.goneInterval }
                return Set(gone.keys)
            }
            for endpoint in endpoints where !gone.contains(endpoint.id) && commands.withLock({ $0[endpoint.id] }) ?? self.command(of: endpoint) == command {
                return endpoint
            }
        }
        pause(Self.listInterval)
        return nil
    }

    /// The picker's rows: each publisher with what its hello line said.
    private func choices(_ endpoints: [LiveEndpoint]) -> [PublisherChoice] {
        endpoints.map { endpoint in
            do throws(FactoryError) {
                let hello = try hello(of: endpoint)
                return PublisherChoice(
                    id: endpoint.id, pid: endpoint.pid, command: Self.commandLine(hello), startTime: hello["startTime"]?.numberValue,
                    planners: hello["planners"]?.intValue, selections: hello["selections"]?.intValue)
            } catch {
                return PublisherChoice(id: endpoint.id, pid: endpoint.pid, command: "", problem: error.message)
            }
        }
    }

    /// The command line of a publisher, asked once per publisher id (asking costs it a snapshot).
    private func command(of endpoint: LiveEndpoint) -> String? {
        guard let hello = try? hello(of: endpoint) else { return nil }
        let command = Self.commandLine(hello)
        commands.withLock { $0[endpoint.id] = command }
        return command
    }

    private func hello(of endpoint: LiveEndpoint) throws(FactoryError) -> JSONValue {
        try LiveConnection(endpoint, timeout: .seconds(2)).hello
    }

    /// A hello line's `command`, one string.
    static func commandLine(_ hello: JSONValue) -> String {
        hello["command"]?.arrayValue?.compactMap(\.stringValue).joined(separator: " ") ?? ""
    }
}
