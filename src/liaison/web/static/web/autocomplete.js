// A ticked suggestion of a chooser (core/widgets.py) joins the chosen ones, so a new
// search, which replaces the suggestions, keeps it.
document.addEventListener("change", (event) => {
  const box = event.target;
  const suggestions = box.closest(".autocomplete .suggestions");
  if (suggestions && box.checked) {
    suggestions.closest(".autocomplete").querySelector(".chosen").append(box.closest("li"));
  }
});
