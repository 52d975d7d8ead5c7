"""Stage 3, who said what about whom: quotes, mentions and attributed statements.

``registry`` loads the actor and target registries (YAML); ``mentions`` finds actors and
targets in text; ``quotes`` finds quotation spans; ``attribute`` turns sentences into
:class:`~stance.extract.attribute.Statement` records with a speaker, running the ordered
attribution passes of ``passes`` (``sentence_cues``, then ``cross_sentence``, on the speech
``cues`` and the speaker phrases and content edges of ``spans``); ``speakers`` merges a
speaker's name variants across a corpus.
"""
