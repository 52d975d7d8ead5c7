"""Stage 3, who said what about whom: quotes, mentions and attributed statements.

``registry`` reads the actor and target registries (YAML, checked by ``registry_yaml``) into an
``actors.ActorRegistry`` and a ``targets.TargetRegistry``; ``mentions`` resolves the noun
phrases that name actors, with the word lists of ``words``; ``tokens`` splits sentences into
words; ``quotes`` finds quotation spans; ``attribute`` turns sentences into
:class:`~stance.extract.attribute.Statement` records with a speaker, running the ordered
attribution passes of ``passes`` (``sentence_cues``, then ``cross_sentence``, on the speech
``cues`` and the speaker phrases and content edges of ``spans``); ``speakers`` merges a
speaker's name variants across a corpus.
"""
