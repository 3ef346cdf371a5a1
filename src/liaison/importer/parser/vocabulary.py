"""Words that delimit body names in Chinese text (zh-Hant; zh-Hans is folded first)."""

import re

# The last word of a body's name: the longer forms come first where they overlap.
# fmt: off
BODY_SUFFIXES = (
    "紀律檢查委員會", "監察委員會", "委員會", "廉政公署", "特派員公署", "公署", "聯合會",
    "協會", "學會", "研究會",
    "申訴專員公署", "學院", "大學", "研究院", "研究所", "網絡", "組織", "總署", "調查局", "反貪局",
    "辦公室", "檢察院", "法院", "中心", "代表團", "考察團", "訪問團", "集團", "公司", "銀行",
    "基金會", "議會", "政府", "警察局", "局", "署", "部",
)

# Words that come just before a body's name (verbs, prepositions, conjunctions):
# a name read backwards from its suffix stops at them.
BOUNDARY_WORDS = (
    "出席", "參加", "參與", "參觀", "拜訪", "訪問", "走訪", "接待", "前往", "會見", "會晤", "邀請",
    "應邀", "應", "由", "與", "和", "及", "或", "並", "赴", "到", "往", "在",
    "於", "為", "向", "隨", "的", "之", "等", "包括", "聯同", "合辦", "舉辦", "主辦",
    "承辦", "協辦", "派員", "派出", "率領", "率團", "透過", "通過", "至", "了", "是", "將",
    "亦", "還", "也", "分別", "當中", "其中", "來自", "暨", "以及", "介紹", "了解", "交流",
    "分享", "協助", "配合", "推動", "感謝", "獲", "成立", "加深", "促進", "加強", "深化",
    "講解", "瞭解", "講授", "主講", "陪同", "帶領", "聽取", "參訪", "出訪", "考察",
)
# Date words end a name only after a number or a word like 同 ("2024年", "同年"): 日本, 年會.
DATE_BOUNDARY = re.compile(r"(?:[\d一二三四五六七八九十〇零兩同今翌當去明本上下每])[年月日屆]$")
# fmt: on
