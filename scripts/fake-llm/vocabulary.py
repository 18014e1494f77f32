"""Word lists the fake LLM draws its answers from. Written for Quorum's tests; nothing here is
taken from a dataset. Ordinary instructions avoid Self-Instruct's blacklisted words (image,
graph, picture, file, map, draw, plot, "go to") so that only the deliberate violations trip them."""

# "[a|b|c]" picks one alternative, "{slot}" one entry of SLOTS[slot].
INSTRUCTION_TEMPLATES = [
    "[Explain|Describe|Teach] {topic} to {audience} [using|through|by way of] {analogy} as [an analogy|a comparison].",
    "[List|Name|Suggest] {count} [practical|cheap|realistic] ways a {profession} [could reduce|might cut|can limit] {problem} in {place}.",
    "[Classify|Label|Sort] [the following|this|each] {text_kind} as {label_pair}.",
    "[Rewrite|Rephrase|Edit] the {text_kind} so [that it sounds|it reads as] {tone} [for|to] {audience}.",
    "[Summarize|Condense|Boil down] [the|this] {text_kind} [below|given here] [in|into] {count} sentences for {audience}.",
    "[Suggest|Invent|Come up with] a [memorable|catchy|short] name for a {business} [that specializes in|known for|selling] {specialty}.",
    "[Extract|Pull out|Find] every {entity} [mentioned|named|that appears] in the {text_kind}.",
    "[Translate|Render] [the sentence|this greeting|the short note] into {language} [while keeping|preserving] its {quality}.",
    "[Compose|Write|Create] a {poem_form} about {topic} [from the perspective of|as told by|in the voice of] {character}.",
    "[Decide|Judge|Check] whether the {claim_kind} is [supported by|consistent with] {evidence}.",
    "[Order|Rank|Arrange] [these|the given] {items} by {criterion} and [justify|explain] [the order|your ranking].",
    "[Write|Draft|Invent] the [opening line|first paragraph|title] of a {genre} story set in {place} during {event}.",
    "[Estimate|Work out|Guess] how long it [would take|takes] to {activity}, [showing|explaining] [each step|your reasoning].",
    "[Convert|Change|Express] [these|the listed] {unit_kind} [measurements|readings|values] [into|in] {system} units.",
    "[Propose|Prepare|Draft] {count} interview questions for a {profession} [joining|applying to|hired by] {organization}.",
    "[Identify|Spot|Point out] the [logical fallacy|reasoning flaw|weak step] in [this argument|the debate excerpt|a claim] about {topic}.",
    "[Describe|Explain|Outline] how {process} works [in plain words|simply|without jargon] for {audience}.",
    "[Compare|Contrast] {thing} [and|with] {other_thing} [in terms of|regarding|with respect to] {criterion}.",
    "[Create|Design|Prepare] a [short|quick|five-minute] quiz [about|on] {topic} [with answers|and an answer key].",
    "[Give|Offer|Share] [concise|practical|honest] advice to {audience} who [want|hope|plan] to {goal}.",
    "[Find|Locate|Fix] the bug in [this|the following|a] {programming_language} function that {program_purpose}.",
    "[Correct|Repair|Proofread] the grammar of [the|this] {text_kind} [without changing|keeping] its meaning.",
    "[Draft|Compose|Write] a [polite|warm|brief] reply to a {message_kind} about {topic}.",
    "[Plan|Sketch|Propose] a {duration} itinerary for {audience} [visiting|exploring|staying in] {place}.",
    "[Tell|Say|Judge] whether [the two|these|both] sentences [express|convey|make] the same [idea|point] about {topic}.",
    "[Name|Guess|Identify] the {entity} [that best fits|matching|described by] the [description|clues|riddle] given.",
    "[Turn|Rewrite|Convert] [these|my|the] notes about {event} into a {tone} announcement for {audience}.",
    "[Generate|Write|Coin] a {tone} slogan [for a campaign|for posters|for a radio spot] [encouraging|urging|inviting] people to {goal}.",
    "[Detect|Determine|Judge] the [sentiment|mood|attitude] of [the|this] customer [message|review|note] about {product}.",
    "[Outline|Summarize|Present] the [main|strongest|key] arguments for and against {policy}.",
    "[Recommend|Suggest|Pick] {count} {genre} books for {audience} and [say why each fits|explain each choice].",
    "[Answer|Solve|Respond to] the trivia question about {topic} [and give|adding|with] one supporting fact.",
    "[Break down|Split|Divide] how to {activity} into {count} [ordered|numbered|clear] steps.",
    "[Point out|List|Flag] any safety risks [in the steps|in a plan|someone should know] [for anyone planning|before trying] to {activity}.",
    "[Infer|Guess|Deduce] the [most likely|probable] [profession|hobby|home town] of the person described in the passage.",
    "[Provide|Show|Give] a step-by-step solution to [the|this|a] {math_kind} problem.",
    "[Explain|Illustrate|Clarify] the difference between {thing} and {other_thing} with one example each.",
    "[Create|Design|Plan] a {duration} [workout|stretching|breathing] routine [suitable for|that suits|aimed at] {audience}.",
    "[Write|Draft|Compose] a {tone} product description for {product} [aimed at|targeting|for] {audience}.",
    "[Rank|Order|Sort] the [following|listed|given] {items} from most to least {quality_adjective}.",
    "[Predict|Imagine|Describe] what would happen to {place} if {event} lasted a whole year.",
    "[Invent|Create|Devise] a board game [rule|mechanic|scoring rule] inspired by {topic}.",
    "[Argue|Make the case|Explain] why {audience} should care about {topic}.",
    "[Paraphrase|Restate|Reword] the {text_kind} [for|so it suits] {audience} in {count} sentences.",
    "[Spot|Find|List] the differences between {thing} and {other_thing} that matter to {audience}.",
    "[Choose|Pick|Select] the odd one out among [these|the given|four] {items} and explain why.",
    "[Describe|Picture in words|Evoke] {place} during {event} [using|with|in] {count} vivid details.",
    "[Suggest|Recommend|Propose] a weekend project for {audience} [related to|involving|about] {topic}.",
]

SLOTS = {
    "topic": [
        "photosynthesis", "black holes", "compound interest", "plate tectonics", "vaccination",
        "supply and demand", "the water cycle", "machine translation", "medieval trade routes",
        "ocean acidification", "the immune system", "renewable energy storage", "inflation",
        "bird migration", "the printing press", "volcanic eruptions", "sleep hygiene",
        "urban gardening", "public libraries", "honeybee colonies", "electric bicycles",
        "coral reefs", "ancient astronomy", "recycling plastics", "jazz improvisation",
        "quantum computing", "the French revolution", "desert ecosystems", "tide pools",
        "open source software", "language acquisition", "glaciers", "chess openings",
    ],
    "audience": [
        "young children", "retired teachers", "first-year nursing students", "busy parents",
        "small business owners", "high school athletes", "new immigrants", "software interns",
        "museum volunteers", "amateur astronomers", "farmers", "hospital visitors",
        "university freshmen", "tourists", "night shift workers", "beginner cooks",
    ],
    "analogy": [
        "a kitchen", "a football match", "a busy post office", "gardening", "a school bus route",
        "a library", "an orchestra", "baking bread", "a relay race", "a city subway",
    ],
    "count": ["two", "three", "four", "five", "six", "seven"],
    "profession": [
        "nurse", "carpenter", "librarian", "pilot", "pharmacist", "school principal", "chef",
        "civil engineer", "translator", "veterinarian", "electrician", "journalist", "florist",
    ],
    "problem": [
        "food waste", "energy costs", "noise", "paperwork", "traffic congestion", "water use",
        "staff burnout", "missed deadlines", "customer complaints", "single-use packaging",
    ],
    "place": [
        "a rural clinic", "a coastal village", "a crowded airport", "a mountain hostel",
        "an inner-city school", "a night market", "a research station in Antarctica",
        "a river port", "a space colony", "a desert town", "a Victorian mansion", "a ferry",
    ],
    "text_kind": [
        "product review", "news paragraph", "tweet", "email", "movie synopsis", "restaurant menu",
        "job advertisement", "scientific abstract", "short dialogue", "customer complaint",
        "recipe", "poem", "legal clause", "weather report", "diary entry",
    ],
    "label_pair": [
        "positive or negative", "fact or opinion", "formal or informal", "urgent or not urgent",
        "spam or not spam", "sarcastic or sincere", "relevant or irrelevant",
    ],
    "tone": [
        "friendly", "formal", "humorous", "encouraging", "neutral", "enthusiastic", "calm",
        "persuasive", "apologetic", "optimistic",
    ],
    "business": [
        "bakery", "bicycle repair shop", "language school", "plant nursery", "travel agency",
        "tea house", "pet grooming salon", "bookshop", "yoga studio", "repair cafe",
    ],
    "specialty": [
        "sourdough bread", "vintage frames", "evening classes", "rare succulents",
        "family holidays", "herbal blends", "senior dogs", "second-hand poetry", "breathing exercises",
    ],
    "entity": [
        "person name", "date", "city", "company", "chemical element", "currency amount",
        "musical instrument", "disease", "river", "programming language",
    ],
    "language": ["French", "Spanish", "German", "Japanese", "Swahili", "Italian", "Portuguese", "Korean"],
    "quality": ["politeness", "rhyme", "humor", "formality", "brevity", "emotional tone"],
    "poem_form": ["haiku", "limerick", "sonnet", "short free verse poem", "ballad"],
    "character": [
        "a lighthouse keeper", "a lost kitten", "an old oak tree", "a tired astronaut",
        "a street musician", "a retired detective", "a curious robot", "a river",
    ],
    "claim_kind": ["claim", "headline", "statement", "rumor", "advertisement"],
    "evidence": ["the passage", "the table of figures", "common knowledge", "the quoted study"],
    "items": [
        "fruits", "planets", "historical events", "programming tasks", "household chores",
        "animals", "cities", "musical genres", "inventions", "sports",
    ],
    "criterion": [
        "size", "cost", "popularity", "difficulty", "age", "calories", "distance from the sun",
        "environmental impact", "speed", "durability",
    ],
    "genre": ["mystery", "science fiction", "romance", "adventure", "fantasy", "historical", "horror"],
    "event": [
        "a power outage", "the harvest festival", "a solar eclipse", "a snowstorm", "an election",
        "the first day of school", "a royal wedding", "a marathon", "the gold rush",
    ],
    "activity": [
        "paint a bedroom", "learn basic Spanish", "walk across London", "bake a wedding cake",
        "read the complete works of Dickens", "assemble a bookshelf", "train for a half marathon",
        "plant an orchard", "sort a thousand letters", "repair a flat tire",
    ],
    "unit_kind": ["temperature", "distance", "weight", "volume", "speed"],
    "system": ["metric", "imperial", "US customary"],
    "organization": [
        "a children's hospital", "a startup", "a national park", "a newspaper", "a city council",
        "an airline", "a charity", "a university library",
    ],
    "thing": [
        "a virus", "weather", "a loan", "a poem", "a democracy", "an alligator", "a comet",
        "tea", "a violin", "an email", "wind power", "a sprint",
    ],
    "other_thing": [
        "a bacterium", "climate", "a grant", "a song", "a monarchy", "a crocodile", "an asteroid",
        "coffee", "a cello", "a letter", "solar power", "a marathon",
    ],
    "goal": [
        "save money on groceries", "sleep better", "learn to swim", "start a podcast",
        "reduce screen time", "run their first race", "make new friends", "grow tomatoes",
        "volunteer locally", "speak confidently in meetings",
    ],
    "programming_language": ["Python", "JavaScript", "Swift", "Rust", "Java", "Go", "C"],
    "program_purpose": [
        "reverses a string", "computes a factorial", "checks whether a number is prime",
        "merges two sorted lists", "counts the vowels in a sentence", "finds the largest element",
        "removes duplicates from a list", "converts Celsius to Fahrenheit",
    ],
    "message_kind": ["complaint", "invitation", "job offer", "refund request", "thank-you note", "reminder"],
    "duration": ["one-day", "weekend", "three-day", "week-long", "ten-minute", "half-hour"],
    "product": [
        "a folding kayak", "noise-cancelling headphones", "a solar lantern", "a smart kettle",
        "hiking boots", "a standing desk", "a language learning app", "a board game",
    ],
    "policy": [
        "a four-day work week", "school uniforms", "congestion charges", "free public transport",
        "banning homework", "a sugar tax", "remote voting",
    ],
    "process": [
        "a heat pump", "composting", "a vaccine trial", "the postal service", "a search engine",
        "bread rising", "a bicycle gear", "cloud formation", "a credit card payment", "a jury trial",
    ],
    "math_kind": ["algebra", "probability", "geometry", "percentage", "unit rate"],
    "quality_adjective": ["expensive", "dangerous", "popular", "ancient", "nutritious", "efficient"],
}

# Phrases appended to an instruction, before its final period, to vary it further.
INSTRUCTION_MODIFIERS = [
    "[for|aimed at|meant for] {audience}", "[set in|imagined in|placed in] {place}", "in a {tone} tone",
    "[with|giving] {count} examples", "[mentioning|referring to] {thing}", "[during|around] {event}",
    "[as|in the style of] a {genre} writer would", "[without|avoiding] any mention of {other_thing}",
    "[keeping|with] {quality} in mind", "[comparing it|contrasting it] with {topic}",
    "[as if speaking to|addressing] {character}", "in under {count} [lines|sentences]",
    "[for|ahead of] a meeting at {organization}", "using an example about {product}",
]

INSTRUCTION_PREFIXES = [
    "Briefly, ", "In your own words, ", "For a school newsletter, ", "As a quick exercise, ", "Please ",
    "Without looking anything up, ", "For a class discussion, ", "In a friendly way, ",
]

INSTRUCTION_SUFFIXES = [
    "Keep the answer under fifty words.", "Use simple language.", "Avoid technical jargon.",
    "Mention at least one example.", "Be specific.", "End with a question.", "Number your points.",
    "Stay under three sentences.",
]

TOO_SHORT = ["Sort numbers.", "Define entropy.", "Summarize this.", "Spell check.", "Translate."]

BLACKLISTED = [
    "Describe the image of {topic} shown below.",
    "Plot the yearly figures about {topic} on a chart.",
    "Draw a diagram explaining {topic} for {audience}.",
    "Open the attached file and list every {entity} in it.",
    "Look at the map and tell {audience} which route is fastest.",
]

NOUNS = [
    "harbor", "lantern", "orchard", "ledger", "compass", "meadow", "violin", "glacier", "bakery",
    "signal", "tunnel", "canyon", "parcel", "festival", "satellite", "harvest", "journal", "pebble",
]

INPUT_TEMPLATES = [
    "The {profession} in {place} said the new schedule saved time during {event}.",
    "Our {business} received a {message_kind} from a customer about {product}.",
    "I tried {activity} last week and it took far longer than expected.",
    "A report on {topic} found that {audience} rarely notice the change.",
    "The meeting about {policy} ended without a decision.",
    "Ingredients: flour, water, salt and a pinch of patience.",
    "Numbers: 14, 3, 27, 9 and 41.",
    "The {thing} and {other_thing} were compared by {audience} in {place}.",
    "Sentence: the {character} waited patiently until {event} was over.",
    "Claim: {topic} has no effect on {problem}.",
]

CONNECTIVES = ["mostly because of", "especially regarding", "with a note on", "mentioning"]

ANSWER_TEMPLATES = [
    "The main point is that {topic} depends on {criterion}.",
    "A good approach is to start small and review progress every {duration} session.",
    "Most {audience} would find this {tone} and easy to follow.",
    "It mainly concerns {thing} rather than {other_thing}.",
    "The best answer highlights {quality} and keeps the wording {tone}.",
    "First identify the key facts, then compare them by {criterion}.",
    "This is typical of {genre} writing set in {place}.",
    "In short, the result is {count} clear steps with one example each.",
    "The {profession} should focus on {problem} before anything else.",
    "Overall the text is {tone} and aimed at {audience}.",
]

LABEL_SETS = [
    ["Positive", "Negative"],
    ["Yes", "No"],
    ["True", "False"],
    ["Fact", "Opinion"],
    ["Formal", "Informal"],
    ["Spam", "Not spam"],
    ["Positive", "Negative", "Neutral"],
    ["A", "B", "C", "D"],
]

FILLER_WORDS = [
    "clearly", "also", "usually", "simply", "the", "a", "really", "often", "perhaps", "then",
    "quite", "very", "mostly", "still", "again", "indeed", "overall", "generally", "here", "now",
]

STOPWORDS = {
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "as", "is",
    "are", "be", "it", "its", "this", "that", "these", "those", "from", "into", "than", "each",
    "every", "any", "all", "your", "their", "who", "which", "what", "how", "why", "when", "below",
    "given", "following", "and", "so", "while", "about", "one",
}

# Words that belong to how a prompt is laid out rather than to the task it states.
SCAFFOLDING = {
    "instruction", "instructions", "input", "inputs", "output", "outputs", "answer", "answers",
    "response", "responses", "question", "task", "context", "system", "user", "assistant",
    "you", "are", "helpful", "eos",
}
