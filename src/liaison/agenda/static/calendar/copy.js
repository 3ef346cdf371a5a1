// A button with data-copy="ID" copies the value of the field ID to the clipboard, and
// says so (data-copied). A file of its own: the pages allow no inline script.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  field.select();
  navigator.clipboard.writeText(field.value).then(() => {
    button.textContent = button.dataset.copied;
  });
});
