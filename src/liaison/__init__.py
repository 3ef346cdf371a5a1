"""Liaison: the external-relations and training office's system of record."""
