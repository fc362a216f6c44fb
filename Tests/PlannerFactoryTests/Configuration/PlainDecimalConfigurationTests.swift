import Testing
@testable import PlannerFactory

/// Numbers in configuration values are plain decimals: what `Double` and `Int` would also read
/// (`0x10`, `1e-300`, `0x0.8p0`, `inf`, `+5`) is refused, naming the key and the accepted form;
/// deadlines run from 0.01 s.
@Suite struct PlainDecimalConfigurationTests {
    static func error(_ key: String, _ value: String) -> FactoryError? {
        do {
            _ = try FactoryConfiguration(environment: [key: value])
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("FACTORY_SANDBOX_TIMEOUT", "0x10"), ("FACTORY_SANDBOX_TIMEOUT", "1e-300"), ("FACTORY_SANDBOX_TIMEOUT", "1e1"),
        ("FACTORY_SANDBOX_TIMEOUT", "inf"), ("FACTORY_SANDBOX_TIMEOUT", "+2"), ("FACTORY_SANDBOX_TIMEOUT", "0.005"),
        ("FACTORY_SANDBOX_TIMEOUT", "3600.5"), ("FACTORY_SANDBOX_TIMEOUT", "1.2.3"), ("FACTORY_SANDBOX_TIMEOUT", "."),
        ("FACTORY_MIN_MATCH", "0x0.8p0"), ("FACTORY_MIN_MATCH", "5e-1"), ("FACTORY_MIN_MATCH", "nan"), ("FACTORY_MIN_MATCH", "-0"),
        ("FACTORY_MAX_FAILURES", "+3"), ("FACTORY_MAX_FAILURES", "0x10"), ("FACTORY_TELEMETRY_CAPACITY", "1_000"),
        ("FACTORY_CALL_TIMEOUT", "0.001"), ("FACTORY_PLAN_TIMEOUT", "1E3"), ("FACTORY_WORKER_IDLE", "0x3C"),
        ("FACTORY_WORKER_MEMORY", "+4G"), ("FACTORY_WORKER_MEMORY", "0x100M"), ("FACTORY_MAX_WORKERS", "٣"),
    ])
    func anythingButAPlainDecimalIsRefused(key: String, value: String) throws {
        let error = try #require(Self.error(key, value), "\(key)=\(value) must be refused")
        #expect(error.code == .invalidConfiguration)
        #expect(error.message.hasPrefix("\(key)=\"\(value)\" is not valid: expected "))
        #expect(error.context["value"] == value)
    }

    @Test(arguments: [("0.01", 0.01), ("2", 2), (" 0.5 ", 0.5), (".25", 0.25), ("3600", 3600), ("007", 7)])
    func plainDecimalSecondsAreRead(text: String, seconds: Double) throws {
        let configuration = try FactoryConfiguration(environment: ["FACTORY_SANDBOX_TIMEOUT": text])
        #expect(configuration.sandboxTimeout == .nanoseconds(Int64((seconds * 1e9).rounded())))
    }

    @Test func theAcceptedFormSaysPlainDecimalsAndTheRange() throws {
        let error = try #require(Self.error("FACTORY_SANDBOX_TIMEOUT", "1e-300"))
        #expect(error.message == "FACTORY_SANDBOX_TIMEOUT=\"1e-300\" is not valid: expected a number of seconds from 0.01 to 3600 in plain decimals, e.g. 2 or 0.5.")
        #expect(try FactoryConfiguration(environment: ["FACTORY_MIN_MATCH": "1.0"]).minimumMatch == 1)
        #expect(try FactoryConfiguration(environment: ["FACTORY_MAX_FAILURES": "12"]).maxFailures == 12)
        #expect(try FactoryConfiguration(environment: ["FACTORY_WORKER_MEMORY": "128m"]).workerMemory == 128 << 20)
    }

    @Test func aValueWithControlCharactersOrHugeIsQuotedEscapedAndCut() throws {
        let error = try #require(Self.error("FACTORY_MIN_MATCH", "\u{1B}[31m0.5"))
        #expect(error.message.hasPrefix(#"FACTORY_MIN_MATCH="\x1b[31m0.5" is not valid"#))
        let huge = String(repeating: "9", count: 900_000)
        let cut = try #require(Self.error("FACTORY_MAX_WORKERS", huge))
        #expect(cut.message.hasPrefix("FACTORY_MAX_WORKERS=\"\(String(repeating: "9", count: 80))…\" is not valid"))
        #expect(cut.message.count < 200)
        #expect(cut.context["value"] == huge, "the context keeps the value whole, for programs")
    }
}
