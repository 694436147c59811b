package civicgrid.evaluation.web;

import civicgrid.evaluation.IndexSheet;
import civicgrid.evaluation.IndicesApi;
import civicgrid.evaluation.indices.IndicatorStore;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The five indices over HTTP: per district and street and month, drill-down, the tree's versions, imported values. */
@RestController
@RequestMapping("/api/v1/evaluation/indices")
class IndicesController {

    private final IndicesApi indices;

    IndicesController(IndicesApi indices) {
        this.indices = indices;
    }

    /** The five indices of a district or street in a month. */
    @GetMapping
    IndexSheet sheet(@RequestParam(required = false) String unit, @RequestParam(required = false) String month) {
        return indices.sheet(unit, month);
    }

    /** One second-level indicator and what is behind it (cases, shops, the import). */
    @GetMapping("/indicators/{code}")
    IndexSheet.Behind behind(@PathVariable String code, @RequestParam(required = false) String unit,
                             @RequestParam(required = false) String month) {
        return indices.behind(unit, month, code);
    }

    /** The tree valid on a day (today by default). */
    @GetMapping("/tree")
    IndicesApi.TreeView tree(@RequestParam(required = false) String on) {
        return indices.tree(on);
    }

    record Items<T>(List<T> items) {
    }

    @GetMapping("/tree/versions")
    Items<IndicatorStore.Version> versions() {
        return new Items<>(indices.versions());
    }

    /** A new version of the whole tree. */
    @PostMapping("/tree")
    ResponseEntity<IndicesApi.TreeView> addTree(@RequestBody(required = false) IndicesApi.TreeDraft draft) {
        return ResponseEntity.status(201).body(indices.addTree(draft));
    }

    record Imported(int imported) {
    }

    /** Imports values of the imported indicators: {@code {"items": [{indicator, unit, month, value}]}}. */
    @PostMapping(value = "/imports", consumes = "application/json")
    Imported importJson(@RequestBody(required = false) Items<IndicesApi.ImportRow> body) {
        return new Imported(indices.importValues(body == null ? null : body.items()));
    }

    /** The same as CSV: {@code indicator,unit,month,value}. */
    @PostMapping(value = "/imports.csv", consumes = "text/csv")
    Imported importCsv(@RequestBody(required = false) String csv) {
        return new Imported(indices.importCsv(csv));
    }
}
