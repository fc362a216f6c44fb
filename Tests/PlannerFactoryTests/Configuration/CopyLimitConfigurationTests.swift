import PlannerKit
import Testing
@testable import PlannerFactory

/// `FACTORY_MAX_COPY_BYTES`: the most bytes of library files copied for one bundle.
@Suite struct CopyLimitConfigurationTests {
    @Test func theDefaultIsOneGibibyteAndTheDumpShowsIt() throws {
        let configuration = try FactoryConfiguration(environment: ["HOME": "/h"])
        #expect(configuration.maxCopyBytes == 1 << 30)
        #expect(configuration.text(of: .maxCopyBytes) == "1G")
        #expect(configuration.json["FACTORY_MAX_COPY_BYTES"]?["value"] == 1_073_741_824)
        #expect(configuration.json["FACTORY_MAX_COPY_BYTES"]?["flag"] == "--max-copy-bytes")
        #expect(configuration.dump().contains { $0.key == "FACTORY_MAX_COPY_BYTES" && $0.source == .default })
    }

    @Test(arguments: [("64M", 64 << 20, "64M"), ("2g", 2 << 30, "2G"), ("1048576", 1 << 20, "1M"), ("1500000", 1_500_000, "1500000")])
    func readsASizeWithAnOptionalSuffix(text: String, bytes: Int, shown: String) throws {
        let configuration = try FactoryConfiguration(environment: ["FACTORY_MAX_COPY_BYTES": text])
        #expect(configuration.maxCopyBytes == bytes)
        #expect(configuration.text(of: .maxCopyBytes) == shown)
        #expect(configuration.source(of: .maxCopyBytes) == .environment)
    }

    @Test(arguments: ["0", "512K", "2T", "lots", "-1M", ""])
    func aMalformedOrOutOfRangeValueNamesTheKeyAndTheForm(text: String) {
        #expect {
            _ = try FactoryConfiguration(environment: ["FACTORY_MAX_COPY_BYTES": text])
        } throws: { error in
            guard let error = error as? FactoryError, error.code == .invalidConfiguration else { return false }
            return error.message.contains("FACTORY_MAX_COPY_BYTES=\"\(text)\"") && error.message.contains("from 1M to 1T")
        }
    }

    @Test func theFlagOverridesTheEnvironmentAndNamesItself() throws {
        var configuration = try FactoryConfiguration(environment: ["FACTORY_MAX_COPY_BYTES": "8M"])
        try configuration.apply([.maxCopyBytes: "16M"])
        #expect(configuration.maxCopyBytes == 16 << 20)
        #expect(configuration.source(of: .maxCopyBytes) == .flag)
        #expect(throws: FactoryError(.invalidConfiguration, "")) { try configuration.apply([.maxCopyBytes: "tiny"]) }
        do {
            try configuration.apply([.maxCopyBytes: "tiny"])
        } catch {
            #expect(error.message.contains("--max-copy-bytes"))
        }
    }
}
