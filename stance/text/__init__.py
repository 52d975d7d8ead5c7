"""Stage 2, the text: boilerplate found and masked, paragraphs and sentences split, lemmas.

``clean`` finds boilerplate (bylines, captions, navigation) as spans; ``segment`` splits
paragraphs and sentences with character offsets into the original text; ``normalize`` folds
spellings for comparison and builds the patterns that find word lists; ``lemmas`` gives the
base forms a word may be an inflection of (LemmInflect), for every stage that matches words
against lemma lists.
"""
