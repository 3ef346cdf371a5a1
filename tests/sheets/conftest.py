"""Sheets written in the test itself: a workbook or a CSV file from rows."""

import csv

import openpyxl
import pytest


@pytest.fixture
def workbook(tmp_path):
    def write(rows, name="sheet.xlsx", title="Sheet1"):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = title
        for row in rows:
            sheet.append(row)
        path = tmp_path / name
        book.save(path)
        return path

    return write


@pytest.fixture
def csv_file(tmp_path):
    def write(rows, name="sheet.csv", encoding="utf-8-sig"):
        path = tmp_path / name
        with path.open("w", encoding=encoding, newline="") as handle:
            csv.writer(handle).writerows(rows)
        return path

    return write
