"""Deterministic, Ensemble-Instruct-shaped answers for the fake LLM server.

Three kinds of prompt are recognised (see README.md):
  * instruction generation: the prompt ends in a numbered-list opener such as "\\n21.";
  * instance generation: the prompt ends in "instruction: <text>\\n";
  * anything else: an answer to the task the prompt states, close to a canonical answer that
    every model derives from the same task, with small variations per model and temperature.
"""

import hashlib
import random
import re

import vocabulary as V

NUMBERED_OPENER = re.compile(r"\n(\d+)\s?\.\s*$")
NUMBERED_LINE = re.compile(r"^\s*\d+\s?\.\s*(.+?)\s*$")
END_MARKER = re.compile(r"(\s*\|[A-Za-z]+\|)\s*$")
INSTANCE_OPENER = re.compile(r"(?:^|\n)instruction:[ \t]*([^\n]*)\n$")
OUTPUT_OPENER = re.compile(r"(?:^|\n)output:[ \t]*$")
LAST_INSTRUCTION = re.compile(r"(?:^|\n)instruction:", re.IGNORECASE)
WORD = re.compile(r"[a-z0-9]+")


def rng_for(*parts):
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:16], "big"))


def generate(prompt, model, temperature, seed, request_seed=None):
    """The text a model would continue `prompt` with."""
    opener = NUMBERED_OPENER.search(prompt)
    if opener:
        return instructions(prompt, int(opener.group(1)), seed, request_seed)
    instance = INSTANCE_OPENER.search(prompt)
    if instance:
        return instance_block(prompt, instance.group(1).strip(), model, temperature, seed, request_seed)
    return answer(task_text(prompt), model, temperature, seed, request_seed, marker=end_marker(prompt)
                  if OUTPUT_OPENER.search(prompt) else "")


# Instruction generation ------------------------------------------------------------------------

def end_marker(prompt):
    """The marker ending each demonstration (" |EoS|" in the reference), or "" when there is none."""
    for line in reversed(prompt.split("\n")):
        found = END_MARKER.search(line)
        if found:
            return found.group(1) if found.group(1).startswith(" ") else " " + found.group(1).strip()
    return ""


def demonstrations(prompt):
    lines = []
    for line in prompt.split("\n"):
        found = NUMBERED_LINE.match(line)
        if found:
            text = END_MARKER.sub("", found.group(1)).strip()
            if text:
                lines.append(text)
    return lines


def instructions(prompt, number, seed, request_seed):
    rng = rng_for("instructions", prompt, seed, request_seed)
    marker = end_marker(prompt)
    earlier = demonstrations(prompt)
    count = rng.randint(1, 4)
    pieces = []
    for index in range(count):
        if rng.random() < 1 / 6:
            text = violation(rng, earlier)
        else:
            text = instruction(rng)
        prefix = " " if index == 0 else "\n%d. " % (number + index)
        pieces.append(prefix + text + marker)
    return "".join(pieces)


def instruction(rng):
    for _ in range(20):
        template = rng.choice(V.INSTRUCTION_TEMPLATES)
        text = fill(template, rng)
        if rng.random() < 0.6:
            text = text[:-1] + " " + fill(rng.choice(V.INSTRUCTION_MODIFIERS), rng) + text[-1]
        if rng.random() < 0.25:
            text = rng.choice(V.INSTRUCTION_PREFIXES) + text[0].lower() + text[1:]
        if rng.random() < 0.2:
            text = text + " " + rng.choice(V.INSTRUCTION_SUFFIXES)
        if 5 <= len(text.split()) <= 25:
            return text
    return text


def fill(template, rng):
    text = re.sub(r"\[([^\]]*)\]", lambda m: rng.choice(m.group(1).split("|")), template)
    return re.sub(r"\{(\w+)\}", lambda m: rng.choice(V.SLOTS[m.group(1)]), text)


def violation(rng, earlier):
    """An instruction a Self-Instruct filter drops: too short, blacklisted, a program, a near-copy."""
    kind = rng.randrange(4)
    if kind == 3 and earlier:
        words = rng.choice(earlier).split()
        if len(words) > 4:
            words[rng.randrange(len(words))] = rng.choice(V.NOUNS)
        return " ".join(words)
    if kind == 0:
        return rng.choice(V.TOO_SHORT)
    if kind == 1:
        return fill(rng.choice(V.BLACKLISTED), rng)
    return "Write a program that " + rng.choice(V.SLOTS["program_purpose"]) + "."


# Instance generation ---------------------------------------------------------------------------

def instance_block(prompt, instruction_text, model, temperature, seed, request_seed):
    marker = end_marker(prompt)
    needs_input = re.search(r"(?m)^input:", prompt) is not None
    if needs_input:
        rng = rng_for("input", instruction_text, seed, request_seed)
        given = input_text(rng, instruction_text)
        task = instruction_text + "\n" + given
        output = answer(task, model, temperature, seed, request_seed)
        return "input: %s\noutput: %s%s" % (given, output, marker)
    output = answer(instruction_text, model, temperature, seed, request_seed)
    return "output: %s%s" % (output, marker)


def input_text(rng, instruction_text):
    topic_words = [w for w in WORD.findall(instruction_text.lower()) if w not in V.STOPWORDS]
    sentences = []
    for _ in range(rng.randint(1, 3)):
        sentence = fill(rng.choice(V.INPUT_TEMPLATES), rng)
        if topic_words and rng.random() < 0.5:
            sentence = sentence[:-1] + ", " + rng.choice(V.CONNECTIVES) + " " + rng.choice(topic_words) + "."
        sentences.append(sentence)
    return " ".join(sentences)


# Answers ---------------------------------------------------------------------------------------

def task_text(prompt):
    """The task a prompt asks about: the last instruction block of a few-shot prompt, else all of it."""
    if OUTPUT_OPENER.search(prompt):
        starts = [m.end() for m in LAST_INSTRUCTION.finditer(prompt)]
        if starts:
            block = prompt[starts[-1]:]
            block = OUTPUT_OPENER.sub("", block)
            return re.sub(r"(?m)^input:", "", block)
    return prompt


def task_key(text):
    """What identifies a task regardless of how a prompt lays it out: its set of content words."""
    words = {w for w in WORD.findall(text.lower()) if w not in V.SCAFFOLDING}
    return " ".join(sorted(words))


def canonical(key, seed):
    rng = rng_for("canonical", key, seed)
    if rng.random() < 0.25:
        labels = rng.choice(V.LABEL_SETS)
        return ("label", labels, rng.choice(labels))
    keywords = [w for w in key.split() if w not in V.STOPWORDS and not w.isdigit()]
    words = []
    for _ in range(rng.randint(2, 4)):
        sentence = fill(rng.choice(V.ANSWER_TEMPLATES), rng).split()
        if keywords and rng.random() < 0.7:
            sentence.insert(rng.randrange(1, len(sentence)), rng.choice(keywords))
        words.extend(sentence)
    return ("text", None, " ".join(words))


def answer(task, model, temperature, seed, request_seed, marker=""):
    key = task_key(task)
    kind, labels, text = canonical(key, seed)
    rng = rng_for("variant", key, model, round(float(temperature), 3), seed, request_seed)
    if rng.random() < 1 / 7:
        # This model disagrees: its answer is another task's.
        kind, labels, text = canonical(key + " elsewhere " + model, seed)
    if kind == "label":
        if rng.random() < 1 / 6:
            text = rng.choice(labels)
        return rng.choice(["%s", "%s.", "%s", "%s"]) % text + marker
    return vary(text, rng, temperature) + marker


def vary(text, rng, temperature):
    words = text.split()
    edits = 1 + int(round(float(temperature) * 3)) + rng.randint(0, 1)
    for _ in range(edits):
        if len(words) < 4:
            break
        position = rng.randrange(1, len(words))
        choice = rng.randrange(3)
        if choice == 0:
            del words[position]
        elif choice == 1:
            words[position] = rng.choice(V.FILLER_WORDS)
        else:
            words.insert(position, rng.choice(V.FILLER_WORDS))
    return " ".join(words)


def ramble(seed, words=400):
    """Text a model that ignores its stop sequences keeps producing."""
    rng = rng_for("ramble", seed)
    return " ".join(rng.choice(V.FILLER_WORDS + V.NOUNS) for _ in range(words))
