// Progressive enhancement for the ISCM table: a filter box that hides the rows
// not matching what is typed. Without JavaScript the whole table is shown.
(function () {
  "use strict";
  var table = document.querySelector("table.iscm");
  var holder = document.getElementById("table-filter");
  if (!table || !holder) { return; }
  var label = document.createElement("label");
  label.htmlFor = "table-filter-input";
  label.textContent = holder.getAttribute("data-label");
  var input = document.createElement("input");
  input.type = "search";
  input.id = "table-filter-input";
  var status = document.createElement("p");
  status.setAttribute("role", "status");
  status.className = "filter-status";
  holder.append(label, input, status);
  var fold = function (text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  };
  input.addEventListener("input", function () {
    var wanted = fold(input.value.trim());
    var shown = 0;
    table.querySelectorAll("tbody").forEach(function (group) {
      var visible = 0;
      group.querySelectorAll("tr:not(.group)").forEach(function (row) {
        var match = !wanted || fold(row.textContent).indexOf(wanted) !== -1;
        row.hidden = !match;
        if (match) { visible += 1; }
      });
      group.hidden = visible === 0;
      shown += visible;
    });
    status.textContent = wanted ? holder.getAttribute("data-count").replace("%(n)s", shown) : "";
  });
})();
