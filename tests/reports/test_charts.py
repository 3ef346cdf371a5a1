"""Charts: one layout drawn as SVG and as a 200 dpi PNG, labels measured in the chart font."""

import io
import xml.etree.ElementTree as ET

from PIL import Image

from liaison.reports import charts
from liaison.reports.statistics import Table

SVG = "{http://www.w3.org/2000/svg}"


def table() -> Table:
    return Table(
        key="by_part",
        title="按部分劃分的活動數目",
        columns=["部分", "2024年", "2023年"],
        rows=[["外訪", 4, 2], ["國際及區域會議", 6, 0], ["總計", 10, 2]],
        chart_columns=(1, 2),
        has_total=True,
    )


def test_svg_draws_a_bar_per_value_and_every_label_as_text():
    root = ET.fromstring(charts.svg(table()))
    texts = [text.text for text in root.iter(f"{SVG}text")]
    assert texts[0] == "按部分劃分的活動數目"
    assert {"2024年", "2023年", "外訪", "國際及區域會議", "4", "6", "0"} <= set(texts)
    assert "總計" not in texts  # the total is no bar
    coloured = [rect for rect in root.iter(f"{SVG}rect") if rect.get("fill") in charts.COLOURS]
    assert len(coloured) == 4 + 2  # the bars, and the legend's two keys


def test_png_is_opaque_at_200_dpi_and_fifteen_centimetres_wide():
    image = Image.open(io.BytesIO(charts.png(table())))
    assert image.mode == "RGB"
    assert round(image.info["dpi"][0]) == charts.PNG_DPI
    assert abs(image.width / charts.PNG_DPI * 2.54 - 15) < 0.05


def test_only_tables_with_two_rows_of_data_get_a_chart():
    single = table()
    single.rows = single.rows[:1] + single.rows[-1:]
    assert charts.chartable([table(), single]) == [table()]


def test_a_long_label_is_wrapped_inside_the_chart_never_clipped():
    long = "Gabinete do Comissário do Ministério dos Negócios Estrangeiros e Provedoria de Justiça"
    wide = table()
    wide.rows = [[long, 3, 1], ["外訪", 4, 2], ["總計", 7, 3]]
    chart = charts.layout(wide)
    labels = [text for text in chart.texts if text.end]
    assert len(labels) > 2 and " ".join(t.text for t in labels[:-1]) == long
    for text in chart.texts:
        start = text.x - charts.measure(text.text, text.size) if text.end else text.x
        assert start >= 0 and text.x <= chart.width + 0.5, text.text
    bars = [rect for rect in chart.rects if rect[4] in charts.COLOURS and rect[1] > charts.TOP_PT]
    assert max(y + height for _, y, _, height, _ in bars) <= chart.height


def test_a_chart_of_one_column_says_what_its_bars_are():
    hours = Table(
        key="training_by_unit",
        title="各單位培訓",
        columns=["單位", "課程", "人數", "培訓時數"],
        rows=[["調查廳", 2, 3, 12], ["資訊處", 1, 2, 6], ["總計", 3, 5, 18]],
        chart_columns=(3,),
        has_total=True,
    )
    texts = [text.text for text in charts.layout(hours).texts]
    assert "培訓時數" in texts
