"""Stage 2, the text: boilerplate found and masked, paragraphs and sentences split.

``clean`` finds boilerplate (bylines, captions, navigation) as spans; ``segment`` splits
paragraphs and sentences with character offsets into the original text; ``normalize`` folds
spellings for comparison and builds the patterns that find word lists, for the later stages.
"""
