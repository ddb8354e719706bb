"""The languages of the UI: Vietnamese by default, English second.

Source strings are English; Vietnamese comes from resources/translations
(``pyside6-lupdate`` -> ``sohoa_vi.ts`` -> ``pyside6-lrelease`` -> ``.qm``).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources

TRANSLATIONS_DIR = Path(resources.__file__).parent / "translations"
LANGUAGE_ENV = "SOHOA_LANGUAGE"
LANGUAGES = ("vi", "en")
TRANSLATOR_NAME = "sohoa_translator"


def chosen_language(otherwise: str = "vi") -> str:
    """``$SOHOA_LANGUAGE`` when it names a language we have, else ``otherwise``."""
    language = os.environ.get(LANGUAGE_ENV, otherwise)
    return language if language in LANGUAGES else otherwise


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Qt's own strings, then ours, in place of those this function
    loaded before (the language switched in the window); return them."""
    for translator in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(translator)
        translator.setParent(None)
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
    )
    if language == "en":
        return []
    installed = []
    # Qt's own strings (dialog buttons): Qt ships none in Vietnamese, so ours
    # (qt_vi, the standard buttons) stand in when qtbase_vi is missing.
    qt_own = QTranslator(app)
    qt_own.setObjectName(TRANSLATOR_NAME)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir) or qt_own.load(
        f"qt_{language}", str(TRANSLATIONS_DIR)
    ):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    ours = QTranslator(app)
    ours.setObjectName(TRANSLATOR_NAME)
    if not ours.load(f"sohoa_{language}", str(TRANSLATIONS_DIR)):
        raise FileNotFoundError(f"no translation sohoa_{language}.qm in {TRANSLATIONS_DIR}")
    app.installTranslator(ours)
    installed.append(ours)
    return installed


def current_language() -> str:
    """The language the UI speaks now (install_translators set it)."""
    return "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en"
