import Testing
@testable import PlannerFactory

@Suite struct FactoryConfigurationTests {
    @Test func defaults() throws {
        let configuration = try FactoryConfiguration(environment: ["HOME": "/home/ada"])
        #expect(configuration.pluginPath.isEmpty)
        #expect(configuration.isDeepFingerprint == false)
        #expect(configuration.isSandboxEnabled == true)
        #expect(configuration.sandboxTimeout == .seconds(2))
        #expect(configuration.telemetryCapacity == 1000)
        #expect(configuration.minimumMatch == 1)
        #expect(configuration.stateDirectory == "/home/ada/.local/state/planner-factory")
        #expect(configuration.dump().allSatisfy { $0.source == .default })
    }

    @Test func readsEveryKeyFromTheEnvironment() throws {
        let configuration = try FactoryConfiguration(environment: [
            "FACTORY_PLUGIN_PATH": "/a:/b::/c",
            "FACTORY_DEEP_FINGERPRINT": "yes",
            "FACTORY_SANDBOX": "off",
            "FACTORY_SANDBOX_TIMEOUT": "0.25",
            "FACTORY_TELEMETRY_CAPACITY": "64",
            "FACTORY_MIN_MATCH": "0.5",
            "FACTORY_STATE_DIR": "/var/lib/pf",
            "FACTORY_PROBE_PATH": "/opt/pf/factory-probe",
            "FACTORY_MAX_FAILURES": "5",
            "FACTORY_ISOLATION": "in-process",
            "FACTORY_HOST_PATH": "/opt/pf/factory-host",
            "FACTORY_CALL_TIMEOUT": "7.5",
            "FACTORY_PLAN_TIMEOUT": "30",
            "FACTORY_MAX_WORKERS": "3",
            "FACTORY_WORKER_IDLE": "2",
            "FACTORY_WORKER_MEMORY": "512M",
            "FACTORY_MAX_COPY_BYTES": "256M",
            "FACTORY_LOCK_TIMEOUT": "2.5",
            "FACTORY_PUBLISH": "1",
            "XDG_STATE_HOME": "/ignored",
        ])
        #expect(configuration.pluginPath == ["/a", "/b", "/c"])
        #expect(configuration.isDeepFingerprint)
        #expect(!configuration.isSandboxEnabled)
        #expect(configuration.sandboxTimeout == .milliseconds(250))
        #expect(configuration.telemetryCapacity == 64)
        #expect(configuration.minimumMatch == 0.5)
        #expect(configuration.stateDirectory == "/var/lib/pf")
        #expect(configuration.maxFailures == 5)
        #expect(configuration.isolation == .inProcess)
        #expect(configuration.hostPath == "/opt/pf/factory-host")
        #expect(configuration.callTimeout == .milliseconds(7500))
        #expect(configuration.planTimeout == .seconds(30))
        #expect(configuration.maxWorkers == 3)
        #expect(configuration.workerIdle == .seconds(2))
        #expect(configuration.workerMemory == 512 << 20)
        #expect(configuration.text(of: .workerMemory) == "512M")
        #expect(configuration.maxCopyBytes == 256 << 20)
        #expect(configuration.lockTimeout == .milliseconds(2500))
        #expect(configuration.text(of: .lockTimeout) == "2.5")
        #expect(configuration.dump().allSatisfy { $0.source == .environment })
    }

    @Test(arguments: ["1", "true", "on", "yes", "TRUE", " Yes "])
    func truthyBooleans(value: String) throws {
        #expect(try FactoryConfiguration(environment: ["FACTORY_DEEP_FINGERPRINT": value]).isDeepFingerprint)
    }

    @Test(arguments: ["0", "false", "off", "no", "OFF"])
    func falsyBooleans(value: String) throws {
        #expect(try !FactoryConfiguration(environment: ["FACTORY_SANDBOX": value]).isSandboxEnabled)
    }

    @Test(arguments: [
        ("FACTORY_SANDBOX_TIMEOUT", "abc", "a number of seconds"),
        ("FACTORY_SANDBOX_TIMEOUT", "0", "a number of seconds"),
        ("FACTORY_SANDBOX_TIMEOUT", "-1", "a number of seconds"),
        ("FACTORY_SANDBOX_TIMEOUT", "nan", "a number of seconds"),
        ("FACTORY_MIN_MATCH", "2", "a number from 0 to 1"),
        ("FACTORY_MIN_MATCH", "-0.1", "a number from 0 to 1"),
        ("FACTORY_TELEMETRY_CAPACITY", "0", "a whole number"),
        ("FACTORY_TELEMETRY_CAPACITY", "1.5", "a whole number"),
        ("FACTORY_DEEP_FINGERPRINT", "maybe", "1/0, true/false, on/off or yes/no"),
        ("FACTORY_SANDBOX", "", "1/0, true/false, on/off or yes/no"),
        ("FACTORY_STATE_DIR", "  ", "a folder path"),
        ("FACTORY_ISOLATION", "sandboxed", "process or in-process"),
        ("FACTORY_CALL_TIMEOUT", "0", "a number of seconds"),
        ("FACTORY_PLAN_TIMEOUT", "forever", "a number of seconds"),
        ("FACTORY_MAX_WORKERS", "0", "a whole number from 1 to 1024"),
        ("FACTORY_WORKER_IDLE", "-3", "a number of seconds"),
        ("FACTORY_WORKER_MEMORY", "4X", "a size in bytes"),
        ("FACTORY_WORKER_MEMORY", "1M", "a size in bytes"),
    ])
    func malformedValueNamesKeyValueAndForm(key: String, value: String, accepted: String) {
        #expect {
            _ = try FactoryConfiguration(environment: [key: value])
        } throws: { error in
            guard let error = error as? FactoryError, error.code == .invalidConfiguration else { return false }
            return error.message.contains(key) && error.message.contains("\"\(value)\"") && error.message.contains(accepted)
        }
    }

    @Test func flagsOverrideTheEnvironmentAndNameTheFlag() throws {
        var configuration = try FactoryConfiguration(environment: ["FACTORY_MIN_MATCH": "0.2"])
        try configuration.apply([.minimumMatch: "0.75", .deepFingerprint: "1"])
        #expect(configuration.minimumMatch == 0.75)
        #expect(configuration.source(of: .minimumMatch) == .flag)
        #expect(configuration.source(of: .deepFingerprint) == .flag)
        #expect(configuration.source(of: .sandbox) == .default)
        #expect(throws: FactoryError(.invalidConfiguration, "")) { try configuration.apply([.telemetryCapacity: "lots"]) }
        do {
            try configuration.apply([.telemetryCapacity: "lots"])
        } catch {
            #expect(error.message.contains("--telemetry-capacity"))
        }
    }

    @Test func stateDirectoryFallsBackThroughXDGAndHome() {
        #expect(FactoryConfiguration(defaultsFor: ["XDG_STATE_HOME": "/x", "HOME": "/h"]).stateDirectory == "/x/planner-factory")
        #expect(FactoryConfiguration(defaultsFor: ["HOME": "/h"]).stateDirectory == "/h/.local/state/planner-factory")
        #expect(FactoryConfiguration(defaultsFor: [:]).stateDirectory.hasPrefix("/tmp/planner-factory-"))
    }

    @Test func dumpAsDictionaryAndJSON() throws {
        let configuration = try FactoryConfiguration(environment: ["FACTORY_PLUGIN_PATH": "/a:/b", "HOME": "/h"])
        #expect(configuration.dictionary.count == ConfigurationKey.all.count)
        #expect(configuration.dictionary["FACTORY_PLUGIN_PATH"] == "/a:/b")
        #expect(configuration.json["FACTORY_PLUGIN_PATH"]?["value"] == ["/a", "/b"])
        #expect(configuration.json["FACTORY_PLUGIN_PATH"]?["source"] == "environment")
        #expect(configuration.json["FACTORY_SANDBOX_TIMEOUT"]?["value"] == 2)
        #expect(configuration.json["FACTORY_MIN_MATCH"]?["source"] == "default")
    }
}
