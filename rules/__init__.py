"""The built-in rules, installed as ``contentlint.rules``.

``RULES`` is the explicit, reviewable list the ``contentlint.rules`` entry point
names, exactly as a third-party plugin package would. Siblings are imported
relatively so this folder works under either name.
"""

from __future__ import annotations

from .boilerplate_residue import BoilerplateResidue
from .empty_section import EmptySection
from .filler_phrase import FillerPhrase
from .long_paragraph import LongParagraph
from .long_sentence import LongSentence
from .off_topic_passage import OffTopicPassage
from .passive_voice import PassiveVoice
from .placeholder_text import PlaceholderText
from .promised_but_missing import PromisedButMissing
from .readability import Readability
from .repeated_title import RepeatedTitle
from .unanswered_question import UnansweredQuestion
from .unsourced_quote import UnsourcedQuote
from .vague_attribution import VagueAttribution
from .writer_instructions import WriterInstructions

RULES = (
    OffTopicPassage,
    PlaceholderText,
    EmptySection,
    BoilerplateResidue,
    RepeatedTitle,
    PromisedButMissing,
    UnansweredQuestion,
    WriterInstructions,
    UnsourcedQuote,
    VagueAttribution,
    Readability,
    LongSentence,
    LongParagraph,
    PassiveVoice,
    FillerPhrase,
)

__all__ = ["RULES"]
