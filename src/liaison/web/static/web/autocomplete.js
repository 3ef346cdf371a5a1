// A ticked suggestion of a chooser (core/widgets.py) joins the chosen ones, so a new
// search, which replaces the suggestions, keeps it. A chooser of one record keeps only
// the newest choice: its boxes are checkboxes when the link is optional (unticking one
// clears it, which a radio button cannot), so the browser would let two stay ticked.
function keepNewest(chooser, newest) {
  if (chooser.dataset.many === "1") return;
  for (const item of chooser.querySelectorAll(".chosen > li")) {
    if (item !== newest) item.remove();
  }
}

document.addEventListener("change", (event) => {
  const box = event.target;
  const suggestions = box.closest(".autocomplete .suggestions");
  if (suggestions && box.checked) {
    const chooser = suggestions.closest(".autocomplete");
    const item = box.closest("li");
    chooser.querySelector(".chosen").append(item);
    keepNewest(chooser, item);
  }
});

// A record added from the chooser's short form arrives out of band, last in the list.
document.addEventListener("htmx:oobAfterSwap", (event) => {
  const chosen = event.detail.target;
  const chooser = chosen && chosen.closest && chosen.closest(".autocomplete");
  if (chooser) keepNewest(chooser, chosen.lastElementChild);
});
