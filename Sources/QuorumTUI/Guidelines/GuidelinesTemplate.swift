/// The starter GUIDELINES.md `quorum init` writes: what a good instruction, input and output
/// look like for Ensemble-Instruct data, and how the workbench's keys map to those calls.
public enum GuidelinesTemplate {
    public static let fileName = "GUIDELINES.md"

    public static let text = """
        # Curation guidelines

        These are the rules this project curates by. The workbench shows them with **H**;
        edit this file to make them yours (it is read each time `quorum review` starts).

        Every item is one training example: an *instruction*, an optional *input*, and the
        *output* the consensus chose among the ensemble's candidates. Keep an item only when
        you would be glad to see a model learn exactly that answer to exactly that request.

        ## A good instruction

        - Asks for one task a person could reasonably ask for, in one or two sentences.
        - Stands on its own: no "the text above", "as before" or references to files, links,
          images, audio or anything the model cannot see.
        - Is answerable in text. Reject "draw", "call", "send an email" and the like.
        - Is not a near-copy of a seed task or of another item in the queue.
        - Type A items need their input to be answerable; type B items must not need one.

        ## A good input

        - Gives exactly what the instruction works on: the sentence to translate, the list
          to sort, the paragraph to summarise.
        - Is concrete and complete; no placeholders such as `<text>` or "[insert here]".
        - Does not already contain the answer, and does not repeat the instruction.
        - For type B the input is empty: the instruction carries everything.

        ## A good output

        - Does what was asked, all of it, and nothing else: no "Sure!", no restating the
          question, no notes about being a model.
        - Is correct. Check facts, arithmetic and code; a fluent wrong answer is the most
          harmful kind of item.
        - Follows the format the instruction implies (a list when a list is asked for, one
          word when one word is asked for).
        - Is as long as the task needs. Cut answers that trail off, repeat themselves or
          stop mid-sentence.
        - Contains no personal data, no harmful instructions and no text copied at length
          from a source.

        ## Choosing among the candidates

        1. Start from the consensus choice (★): it is the candidate the others agree with most.
        2. When the margin is small or the set is marked fragile, read the others; `v` opens the
           reader, `d` shows a candidate's differences from the choice.
        3. Take another candidate (its digit) when it is better, even if the consensus disagrees.
        4. Edit (`e`) only to fix a small flaw; an answer that needs rewriting is a reject.
        5. Rerun (`r`) when no candidate is good but the instruction and input are; `[` and `]`
           compare the new set with the one before.

        ## Rejecting

        Reject (`x`) when the instruction or input breaks the rules above, or no candidate can
        be saved. Give the reason in a few words and reuse the reasons others gave (Tab in the
        prompt offers them), so the reasons can be counted later:

        - not answerable in text
        - needs context that is missing
        - input contains the answer
        - near-duplicate
        - every candidate is wrong
        - unsafe or personal data

        Use a note (`n`) for anything a later reader of the item should know.
        """ + "\n"
}
