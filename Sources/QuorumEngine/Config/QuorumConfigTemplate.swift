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
# context_size = 4096                 # each slot's context window, in tokens (the server runs one
#                                     # slot per request its members can have in flight)
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
instruction_demonstrations_a = 24  # step 1, type A (needs an input): instructions shown per prompt,
machine_demonstrations_a = 4       # up to this many of them generated earlier, the rest seeds
instruction_demonstrations_b = 10  # step 1, type B (no input)
machine_demonstrations_b = 4
instruction_max_tokens = 256       # step 1's new tokens per request
instruction_min_tokens = 15        # sent only to servers with a minimum (vLLM's min_tokens);
                                   # llama.cpp's server and OpenAI's API have none
# Steps 2 and 3 (few-shot) use one fixed template per type, as the reference does: the first
# instance_demonstrations_a type A seed tasks in the seed file's order (type B likewise), the
# same worked examples in the same order in every prompt, so a server with prompt caching
# evaluates them once. Reorder the seed file to choose them.
instance_demonstrations_a = 18
instance_demonstrations_b = 15
instance_max_tokens = 512          # step 2's new tokens per request (the input and first output)
instance_min_tokens = 50           # sent only to servers with a minimum, as above
end_marker = " |EoS|"              # ends each demonstration; generation stops there
max_awaiting_review = 50           # the workbench pauses generation when this many items wait
max_fruitless_rounds = 20          # stop when this many instruction requests in a row give nothing
                                   # usable (empty answers, every instruction dropped)

# How quorum review looks (--theme and $QUORUM_THEME win over this).
[workbench]
theme = "dark"                     # dark, light, high-contrast, or a file of yours in themes/
fragile_above = 0.5                # flag a consensus at least this fragile (0 unanimous … 1 a coin toss)
guidelines = "GUIDELINES.md"       # the curators' rules (Markdown), shown with H; quorum init writes a starter

# A team on one PostgreSQL store (quorum store team makes this the store's policy).
[team]
reviews_per_item = 1               # curators who review each item before it counts as curated
resolution = "unanimous"           # "unanimous", "majority", or "lead" (the lead's outcome decides)
# lead = "ana"                     # the lead curator, with resolution = "lead"

# Ensemble members, one [[members]] table each. Every member is a model behind an
# OpenAI-compatible API (vLLM, llama.cpp's server, Ollama, TGI and hosted APIs all speak it).
#
#   name             what the roles call it (unique)
#   base_url         the API root, ending in /v1 (added when the URL has no path);
#                    leave it out to run the member on the embedded engine
#   base_urls        instead of base_url: several replicas of one model, used as one member;
#                    each request goes to the replica with the fewest in flight, and a replica
#                    that fails is retried elsewhere and rested with backoff
#   model            the model name sent with each request
#   api              "completions" (/v1/completions, for base models) or
#                    "chat" (/v1/chat/completions, for instruction-tuned chat models)
#   prompting        "few-shot" (the fixed worked examples of the seeds) or
#                    "zero-shot" (the instruction and input alone)
#   server           "llama.cpp", "vllm" or "openai" (any other OpenAI-compatible API): which
#                    fields beyond OpenAI's the server takes (default: "llama.cpp" on the
#                    embedded engine, else "openai")
#   max_concurrency  requests in flight at once, to each replica (at least 1)
#   timeout          seconds before a request is abandoned (more than 0)
#   retries          further attempts after a failure, with exponential backoff (0 or more)
#   api_key_env      the environment variable holding the API key, sent as a bearer token
#   decoding         the member's sampling, in the [members.decoding] table after it:
#     temperature    0 is greedy decoding
#     top_p          nucleus sampling, greater than 0 and at most 1
#     top_k          sample from the k likeliest tokens; 0 leaves it out of requests
#                    (hosted APIs such as OpenAI's reject it)
#     max_tokens     new tokens per answer (step 3; steps 1 and 2 use [generation]'s budgets)
#     stop           extra stop sequences (the pipeline adds the ones its prompts need:
#                    a blank line and the end marker)
#     seed           optional sampling seed, for servers that honour one
#     repeat_penalty     above 1 discourages tokens already in the context
#                        (llama.cpp's repeat_penalty, vLLM's repetition_penalty; not OpenAI's)
#     frequency_penalty  OpenAI's penalties, -2 to 2, by how often a token appeared
#     presence_penalty   ... or whether it appeared at all
#     dry_multiplier     llama.cpp's DRY sampler (0 is off): penalises repeating a sequence
#                        already in the context, what keeps a small model from looping
#
# The default ensemble runs three members on the one small local model; they differ in
# prompting and decoding, which is what makes their outputs differ. It is a small base
# model: expect modest data, and use the examples at the end for a real mixture. A model of
# 270M parameters repeats itself without a penalty (one word on ninety lines), so every member
# sets repeat_penalty, and the greedy ones DRY too. The embedded server runs one slot per
# request the members can have in flight (their max_concurrency summed), and keeps each
# slot's prompt cached: the fixed worked examples are evaluated once per slot.

# Generator: the vanilla LM, few-shot and sampled at 0.7 (the reference's setting).
[[members]]
name = "generator"
model = "gemma-3-270m"
api = "completions"
server = "llama.cpp"         # the embedded engine is llama.cpp's own server
prompting = "few-shot"
max_concurrency = 2
timeout = 120
retries = 3
[members.decoding]
temperature = 0.7
top_p = 1.0
top_k = 50
max_tokens = 256
stop = []
repeat_penalty = 1.1

# Additional output: the instruction and input alone, greedy; it stops at a blank line or the
# end marker, as the reference's zero-shot outputs do.
[[members]]
name = "zero-shot-greedy"
model = "gemma-3-270m"
api = "completions"
server = "llama.cpp"
prompting = "zero-shot"
max_concurrency = 2
timeout = 120
retries = 3
[members.decoding]
temperature = 0.0
top_p = 1.0
top_k = 50
max_tokens = 256
stop = []
repeat_penalty = 1.1
dry_multiplier = 0.8

# Additional output: the same worked examples, greedy.
[[members]]
name = "few-shot-greedy"
model = "gemma-3-270m"
api = "completions"
server = "llama.cpp"
prompting = "few-shot"
max_concurrency = 2
timeout = 120
retries = 3
[members.decoding]
temperature = 0.0
top_p = 1.0
top_k = 50
max_tokens = 256
stop = []
repeat_penalty = 1.1
dry_multiplier = 0.8

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
# # vLLM on two GPU machines (`vllm serve tiiuae/falcon-40b --port 8000` on each): a vanilla
# # LM that writes instructions and instances, few-shot and sampled.
# [[members]]
# name = "falcon-vllm"
# base_urls = ["http://10.0.0.11:8000/v1", "http://10.0.0.15:8000/v1"]   # two replicas, one member
# server = "vllm"                                                         # min_tokens is sent
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
# server = "llama.cpp"
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
