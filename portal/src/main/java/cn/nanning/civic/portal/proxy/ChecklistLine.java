package cn.nanning.civic.portal.proxy;

import cn.nanning.civic.portal.gateway.ProxyRequestSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One line of a request's materials checklist as the clerk's panel shows it: the line, whether it is uploaded, and the
 * uploads to open (matched to the request's material list by id; an upload the list no longer has is left out).
 */
record ChecklistLine(String name, String state, List<ProxyClient.Material> files) {

    static List<ChecklistLine> of(List<ProxyRequestSummary.Material> checklist, List<ProxyClient.Material> uploaded) {
        Map<String, ProxyClient.Material> byId = uploaded.stream()
                .collect(Collectors.toMap(ProxyClient.Material::id, Function.identity(), (a, b) -> a));
        List<ChecklistLine> lines = new ArrayList<>();
        for (ProxyRequestSummary.Material line : checklist) {
            List<ProxyClient.Material> files = line.uploads().stream().map(u -> byId.get(u.id())).filter(f -> f != null).toList();
            lines.add(new ChecklistLine(line.name(), state(line, files), files));
        }
        return lines;
    }

    /** Uploads tied to no line of the checklist (loose uploads, as before uploads named their line). */
    static List<ProxyClient.Material> loose(List<ProxyRequestSummary.Material> checklist, List<ProxyClient.Material> uploaded) {
        Set<String> names = checklist.stream().map(ProxyRequestSummary.Material::name).collect(Collectors.toSet());
        return uploaded.stream().filter(f -> f.checklistItem() == null || !names.contains(f.checklistItem())).toList();
    }

    private static String state(ProxyRequestSummary.Material line, List<ProxyClient.Material> files) {
        if (!files.isEmpty()) {
            return "已上传 " + files.size() + " 份" + (line.ticked() ? "，已核对" : "");
        }
        return line.ticked() ? "已核对原件（未上传）" : "尚未上传";
    }
}
