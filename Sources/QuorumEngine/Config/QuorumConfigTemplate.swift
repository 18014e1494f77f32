/// The commented `quorum.toml` that `quorum init` writes: the default ensemble on the embedded
/// engine, every key explained, and a heterogeneous mixture to copy from.
public enum QuorumConfigTemplate {
    public static let text = #"""
# quorum.toml: the Ensemble-Instruct engine that `quorum` drives (written by `quorum init`).
#
# Relative paths are resolved against the folder holding this file. Unknown keys are errors,
# so a misspelt key is reported instead of silently ignored. API keys never go in this file:
# a member names the environment variable that holds its key with `api_key_env`.

# Seed tasks in Self-Instruct's format, one JSON object a line. Any file in that format works,
# such as the original 175 Self-Instruct tasks.
seeds = "seeds/seed_tasks.jsonl"

# The curation store (SQLite): generated items, their candidates and every decision.
store = "quorum.sqlite"

# Who decisions are recorded for. Default: $QUORUM_CURATOR, else $USER.
# curator = "ana"

# The embedded engine: a llama.cpp server with the small base model Gemma 3 270M, installed
# by `quorum engine install` and started on a free loopback port when needed. Members that
# give no base_url run on it. kind = "none" turns it off; every member then needs a base_url.
[engine]
kind = "local"
# data_dir = "~/.local/share/quorum"   # the engine's venv, model, log and state
#                                     # (default: $XDG_DATA_HOME/quorum, else ~/.local/share/quorum)
# port = "auto"                       # "auto" (a free loopback port at each start) or a number
# context_size = 4096                 # the server's context window, in tokens
# threads = 2                         # CPU threads for the server (default: every core)
# model = "/path/to/other.gguf"       # serve another GGUF file instead of Gemma 3 270M

# Which member does what. Candidate 0 of every item is the instance generator's own output;
# each member listed in `outputs` adds one more candidate, and consensus picks among them.
# Leaving [roles] out means: the first member writes instructions and instances, and every
# other member gives an additional output.
[roles]
instructions = "generator"                          # writes new instructions (step 1)
instances = "generator"                             # writes inputs and first outputs (step 2)
outputs = ["zero-shot-greedy", "few-shot-greedy"]   # additional outputs (step 3)

# Self-Instruct's filters on new instructions, and the consensus threshold.
[filters]
max_words_too_short = 3      # drop instructions of this many words or fewer
max_words = 150              # drop instructions of more than this many words
# Dropped when one of these appears as a whole word (case-insensitive).
blacklist = ["image", "images", "graph", "graphs", "picture", "pictures", "file", "files",
             "map", "maps", "draw", "plot", "go to"]
novelty_threshold = 0.7      # drop when Rouge-L F against any earlier instruction is above this
min_agreement = 0.01         # discard an item when its lowest pairwise Rouge-L F is this or less

# Prompt sampling (the Ensemble-Instruct reference's numbers) and pacing.
[generation]
seed = 0                           # seed of the prompt sampler: the same seed, the same prompts
seed_demonstrations_a = 20         # step 1, type A (needs an input): seed instructions per prompt
machine_demonstrations_a = 4       # ... plus this many instructions generated earlier
seed_demonstrations_b = 8          # step 1, type B (no input)
machine_demonstrations_b = 2
instance_demonstrations_a = 18     # steps 2 and 3 (few-shot): worked examples per prompt, type A
instance_demonstrations_b = 15     # ... type B
end_marker = " |EoS|"              # ends each demonstration; generation stops there
max_awaiting_review = 50           # the workbench pauses generation when this many items wait
max_fruitless_rounds = 20          # stop when this many instruction requests in a row give nothing
                                   # usable (empty answers, every instruction dropped)

# How quorum review looks (--theme and $QUORUM_THEME win over this).
[workbench]
theme = "dark"                     # dark, light, high-contrast, or a file of yours in themes/
fragile_above = 0.5                # flag a consensus at least this fragile (0 unanimous … 1 a coin toss)
guidelines = "GUIDELINES.md"       # the curators' rules (Markdown), shown with H; quorum init writes a starter

# Ensemble members, one [[members]] table each. Every member is a model behind an
# OpenAI-compatible API (vLLM, llama.cpp's server, Ollama, TGI and hosted APIs all speak it).
#
#   name             what the roles call it (unique)
#   base_url         the API root, ending in /v1 (added when the URL has no path);
#                    leave it out to run the member on the embedded engine
#   model            the model name sent with each request
#   api              "completions" (/v1/completions, for base models) or
#                    "chat" (/v1/chat/completions, for instruction-tuned chat models)
#   prompting        "few-shot" (worked examples from the seeds) or
#                    "zero-shot" (the instruction and input alone)
#   max_concurrency  requests in flight to this member at once (at least 1)
#   timeout          seconds before a request is abandoned (more than 0)
#   retries          further attempts after a failure, with exponential backoff (0 or more)
#   api_key_env      the environment variable holding the API key, sent as a bearer token
#   decoding         the member's sampling, in the [members.decoding] table after it:
#     temperature    0 is greedy decoding
#     top_p          nucleus sampling, greater than 0 and at most 1
#     top_k          sample from the k likeliest tokens; 0 leaves it out of requests
#                    (hosted APIs such as OpenAI's reject it)
#     max_tokens     new tokens per request
#     stop           extra stop sequences (the pipeline adds the ones its prompts need)
#     seed           optional sampling seed, for servers that honour one
#
# The default ensemble runs three members on the one small local model; they differ in
# prompting and decoding, which is what makes their outputs differ. It is a small base
# model: expect modest data, and use the examples at the end for a real mixture.

# Generator: the vanilla LM, few-shot and sampled at 0.7 (the reference's setting).
[[members]]
name = "generator"
model = "gemma-3-270m"
api = "completions"
prompting = "few-shot"
max_concurrency = 1          # the local server answers one request at a time
timeout = 120
retries = 3
[members.decoding]
temperature = 0.7
top_p = 1.0
top_k = 50
max_tokens = 256
stop = []

# Additional output: the instruction and input alone, greedy. A base model given no example
# rarely stops by itself, so it stops at a blank line, as the few-shot members do.
[[members]]
name = "zero-shot-greedy"
model = "gemma-3-270m"
api = "completions"
prompting = "zero-shot"
max_concurrency = 1
timeout = 120
retries = 3
[members.decoding]
temperature = 0.0
top_p = 1.0
top_k = 50
max_tokens = 256
stop = ["\n\n"]

# Additional output: worked examples, greedy.
[[members]]
name = "few-shot-greedy"
model = "gemma-3-270m"
api = "completions"
prompting = "few-shot"
max_concurrency = 1
timeout = 120
retries = 3
[members.decoding]
temperature = 0.0
top_p = 1.0
top_k = 50
max_tokens = 256
stop = []

# ---------------------------------------------------------------------------------------------
# A real heterogeneous mixture, over several machines. To use it, replace the [engine], [roles]
# and [[members]] tables above with the block below, uncommented (drop one "# " from each line).
# A busy server can take a higher max_concurrency; a failing member does not stall the others.
#
# [engine]
# kind = "none"
#
# [roles]
# instructions = "falcon-vllm"
# instances = "falcon-vllm"
# outputs = ["mistral-tgi", "llama-server", "qwen-ollama", "hosted"]
#
# # vLLM on a GPU machine (`vllm serve tiiuae/falcon-40b --port 8000`): a vanilla LM that
# # writes instructions and instances, few-shot and sampled.
# [[members]]
# name = "falcon-vllm"
# base_url = "http://10.0.0.11:8000/v1"
# model = "tiiuae/falcon-40b"
# api = "completions"
# prompting = "few-shot"
# max_concurrency = 16
# timeout = 300
# retries = 3
# [members.decoding]
# temperature = 0.7
# top_p = 1.0
# top_k = 50
# max_tokens = 256
#
# # Text Generation Inference on a second machine (`docker run --gpus all -p 8080:80
# # ghcr.io/huggingface/text-generation-inference --model-id mistralai/Mistral-7B-Instruct-v0.3`):
# # an instruction-tuned model, zero-shot and greedy. TGI serves one model and ignores the name.
# [[members]]
# name = "mistral-tgi"
# base_url = "http://10.0.0.12:8080/v1"
# model = "tgi"
# api = "chat"
# prompting = "zero-shot"
# max_concurrency = 8
# [members.decoding]
# temperature = 0.0
# max_tokens = 256
#
# # llama.cpp's server on a third machine (`llama-server -m Meta-Llama-3.1-8B.Q4_K_M.gguf
# # --host 0.0.0.0 --port 8080 --parallel 4`): another vanilla LM, few-shot and greedy.
# [[members]]
# name = "llama-server"
# base_url = "http://10.0.0.13:8080/v1"
# model = "llama-3.1-8b"
# api = "completions"
# prompting = "few-shot"
# max_concurrency = 4
# [members.decoding]
# temperature = 0.0
# max_tokens = 256
#
# # Ollama on a workstation (`ollama serve`, then `ollama pull qwen2.5:7b-instruct`).
# [[members]]
# name = "qwen-ollama"
# base_url = "http://10.0.0.14:11434/v1"
# model = "qwen2.5:7b-instruct"
# api = "chat"
# prompting = "zero-shot"
# max_concurrency = 2
# [members.decoding]
# temperature = 0.0
# max_tokens = 256
#
# # A hosted OpenAI-compatible API; the key is read from $OPENAI_API_KEY, never from this file.
# [[members]]
# name = "hosted"
# base_url = "https://api.openai.com/v1"
# model = "gpt-4o-mini"
# api = "chat"
# prompting = "zero-shot"
# api_key_env = "OPENAI_API_KEY"
# max_concurrency = 8
# timeout = 60
# retries = 5
# [members.decoding]
# temperature = 0.0
# top_k = 0                  # 0: not sent (the OpenAI API does not accept top_k)
# max_tokens = 256
"""#
}
