// The fuzz target over document bytes → claims (see FuzzTarget.swift).
//
// Built by `Scripts/fuzz.sh` with `-sanitize=fuzzer -D ZHCLAIMS_LIBFUZZER`: this file's `main`
// hands control to libFuzzer's driver (`LLVMFuzzerRunDriver`, from the libFuzzer runtime that
// -sanitize=fuzzer links), which calls `FuzzTarget.run` for every input. (SwiftPM always gives an
// executable target its own `main`, so libFuzzer's `main` is never the one linked.)
// In a plain `swift build` it is a replay tool instead: `ZHClaimsFuzz FILE…` runs each file
// through the same path, so a crashing input can be reproduced without the fuzzer.
#if canImport(Glibc)
import Glibc
#endif

#if ZHCLAIMS_LIBFUZZER
@_extern(c, "LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    FuzzTarget.run(size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
})
#else
for path in CommandLine.arguments.dropFirst() {
    guard let file = fopen(path, "rb") else {
        let message = Array("ZHClaimsFuzz: \(path): cannot open\n".utf8)
        _ = write(2, message, message.count)
        exit(2)
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = fread(&chunk, 1, chunk.count, file)
        if n == 0 { break }
        bytes += chunk[..<n]
    }
    fclose(file)
    FuzzTarget.run(bytes)
    print("\(path): ok")
}
#endif
