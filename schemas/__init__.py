"""The JSON Schema files of claimtrack, installed as package data (see core/schemas.py)."""

from pathlib import Path

SCHEMA_DIR = Path(__file__).parent
