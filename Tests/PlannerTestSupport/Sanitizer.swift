#if canImport(Glibc)
import Glibc
#endif

/// Whether this test process runs under the thread sanitizer. Its build also instruments the
/// probe helper and the plugin libraries, which then cannot be loaded by an uninstrumented
/// process, and its own deadly-signal handler turns every crash into SIGSEGV; tests of crash
/// outcomes and of loading plugins are for the normal build.
public enum Sanitizer {
    public static let isThreadSanitizerActive: Bool = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__tsan_init") != nil
}
