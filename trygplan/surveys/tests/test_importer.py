import io

import pyreadstat
import pytest
from openpyxl import Workbook

from trygplan.lib.files import csv_bytes
from trygplan.surveys import importer

from .conftest import SIZES, mapping, survey_rows


def _csv(rows, delimiter=";"):
    return "\r\n".join(delimiter.join(str(c) for c in row) for row in rows).encode("cp1252")


def test_reads_semicolon_and_comma_csv_in_utf8_and_windows_1252():
    rows = [["bydel", "vægt"], ["Amager Øst", "1,5"]]
    for raw in (_csv(rows), _csv([["bydel", "vægt"], ["Amager Øst", "1.5"]], ",")):
        table = importer.read_table("f.csv", raw)
        assert table.columns == ["bydel", "vægt"]
        assert table.rows[0][0] == "Amager Øst"


def test_reads_excel():
    book = Workbook()
    book.active.append(["bydel", "vaegt"])
    book.active.append(["Valby", 2.5])
    buffer = io.BytesIO()
    book.save(buffer)
    table = importer.read_table("f.xlsx", buffer.getvalue())
    assert table.rows == [["Valby", 2.5]]


def test_reads_spss_with_user_missing_as_missing(tmp_path):
    import pandas

    frame = pandas.DataFrame({"bydel": ["Valby", "Valby"], "vaegt": [1.0, 2.0], "q": [1.0, None]})
    path = tmp_path / "f.sav"
    pyreadstat.write_sav(frame, str(path))
    table = importer.read_table("f.sav", path.read_bytes())
    assert table.columns == ["bydel", "vaegt", "q"]
    assert table.rows[0][:2] == ["Valby", 1.0]
    assert importer._text(table.rows[1][2]) == ""


def test_refuses_other_files_and_duplicate_columns():
    with pytest.raises(importer.FileError, match="CSV, Excel"):
        importer.read_table("f.pdf", b"x")
    with pytest.raises(importer.FileError, match="forskellige"):
        importer.read_table("f.csv", b"a;a\r\n1;2\r\n")


@pytest.mark.parametrize(
    "text,value", [("1,25", 1.25), ("1.25", 1.25), ("1.234,5", 1234.5), ("3", 3.0), (2, 2.0)]
)
def test_numbers_in_danish_and_english(text, value):
    assert importer.parse_number(text) == value


def test_check_reports_each_bad_cell_by_row_and_column_in_danish(district_set, scales):
    rows = survey_rows(1, SIZES)
    rows[3][3] = "-2"  # row 4 in the file
    rows[5][1] = "Atlantis"
    rows[7][4] = "7"
    rows[9][1], rows[9][2] = "Valby", "Urbanplanen"  # the area lies in Amager Vest
    table = importer.read_table("f.csv", csv_bytes(rows[0], rows[1:]))
    parsed = importer.check(table, mapping(scales), district_set)
    assert not parsed.is_valid
    assert parsed.errors == [
        "Række 4, kolonne »vaegt«: »-2« er ikke en positiv vægt.",
        "Række 6, kolonne »bydel«: »Atlantis« er ikke en bydel i bydelsinddelingen.",
        "Række 8, kolonne »tryg_nabolag«: »7« er ikke et svar på skalaen (1 = Meget tryg, "
        "2 = Tryg, 3 = Hverken tryg eller utryg, 4 = Utryg, 5 = Meget utryg; 8 = Ved ikke "
        "(ubesvaret)).",
        "Række 10, kolonne »saermaaling«: Særmålingsområdet Urbanplanen (Amager Partnerskab) "
        "ligger i Amager Vest, ikke i Valby.",
    ]


def test_ved_ikke_and_empty_cells_are_item_non_response(district_set, scales):
    rows = [["bydel", "saermaaling", "vaegt", "tryg_nabolag", "tryg_aften"]]
    rows += [["Valby", "", "1", "8", ""], ["Valby", "", "1", "2", "5"]]
    table = importer.read_table("f.csv", csv_bytes(rows[0], rows[1:]))
    parsed = importer.check(table, mapping(scales), district_set)
    assert parsed.is_valid
    assert parsed.answers == {"tryg-nabolag": [None, 2], "tryg-aften": [None, 5]}


def test_a_missing_column_is_a_file_error(district_set, scales):
    table = importer.read_table("f.csv", b"bydel;vaegt\r\nValby;1\r\n")
    parsed = importer.check(table, mapping(scales), district_set)
    assert "Filen har ingen kolonne »saermaaling«." in parsed.errors


def test_summaries_list_few_values_and_count_many():
    table = importer.Table(["q", "w"], [[str(i % 3 + 1), str(i)] for i in range(40)])
    summaries = importer.column_summaries(table)
    assert summaries["q"] == "3 forskellige værdier: 1, 2, 3"
    assert summaries["w"] == "40 forskellige værdier"
