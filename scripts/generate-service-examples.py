#!/usr/bin/env python3
"""Writes examples/service/ from the same maps and metadata as examples/maps/ and examples/metadata/: the shapes a
dual-write team actually has, so `maplint check examples/` reads them beside MapLint's own documents.

Shapes (cited, never copied):
* Web API export of msdyn_dualwriteentitymaps, columns msdyn_dualwriteentitymapid, msdyn_name, msdyn_displayname,
  msdyn_version, msdyn_mapping (a JSON string), ismanaged, statecode, solutionid, createdon:
  OliverFlint/pptb-dual-write-map-viewer src/hooks/useDataverseApi.ts (commit 3d35d18d6e2fd62169d1cfe86697c6cb44451070).
* msdyn_mapping: name, leftEnvironmentType, rightEnvironmentType, legs[] with sourceSchema, sourceEnvironmentType,
  destinationSchema, destinationEnvironmentType, sourceFilter, reversedSourceFilter, fieldMappings[] with
  syncDirection (numeric strings, as DualWriteMapPreview.tsx compares them), sourceField, destinationField,
  isSystemGenerated, valueTransforms[{transformType ValueMap|Default, valueMap{F&O value: Dataverse value},
  defaultValue}]: microsoft/Dual-write-automations DWLibary/Struct/DWFieldMapping.cs (b014fde6) and DWEnums.cs
  (58eb1424); pptb-dual-write-map-viewer src/components/DualWriteMapPreview.tsx (1af62b97).
* Project document (environments[].schemas[], entityMappingTasks[]) and connection set (environments{name: ...},
  dataPartitionMappings, dualWriteDetail.legalEntityMappings): DWFieldMapping.cs, DWConnectionSet.cs (58eb1424).
* Solution: msdyn_dualwriteentitymaps under ImportExportXml in Other/Customizations.xml (MicrosoftDocs/powerapps-docs
  issue #4474). The record layout inside it is INFERRED (no public unpacked example exists): one element per record,
  its id as an attribute, one child element per column, as solutions serialize records such as connectionreferences.
"""
import glob, json, os, uuid, xml.sax.saxutils as sax

FO, DV = "financeAndOperations", "dataverse"
ENV_TYPE = {FO: "AX", DV: "CRM"}
SYNC = {"=": "3", "><": "3", ">": "1", ">>": "1", "<": "2", "<<": "2"}
NS = uuid.UUID("6c1c2d0e-6d61-706c-696e-742d65786d70")
CREATED = "2026-03-02T09:00:00Z"
SOLUTION_ID = "fd140aae-4df4-11dd-bd17-0019b9312238"

def load(path):
    return json.load(open(path))

maps = [load(p) for p in sorted(glob.glob("examples/maps/*.json"))]

def definition(m):
    src, dst = m["source"], m["destination"]
    mappings = []
    for x in m["mappings"]:
        fm = {"syncDirection": SYNC[x["direction"]]}
        if "source" in x: fm["sourceField"] = x["source"]
        if "destination" in x: fm["destinationField"] = x["destination"]
        fm["isSystemGenerated"] = False
        t = x.get("transform")
        if t:
            vts = []
            if "valueMap" in t:
                vts.append({"transformType": "ValueMap", "valueMap": {str(e["source"]): str(e["destination"]) for e in t["valueMap"]}})
            if "defaultValue" in t:
                vts.append({"transformType": "Default", "defaultValue": t["defaultValue"]})
            fm["valueTransforms"] = vts
        mappings.append(fm)
    return {
        "name": m["name"],
        "leftEnvironmentType": ENV_TYPE[src["app"]],
        "rightEnvironmentType": ENV_TYPE[dst["app"]],
        "legs": [{
            "id": "001",
            "sourceSchema": src["entity"], "sourceEnvironmentType": ENV_TYPE[src["app"]],
            "destinationSchema": dst["entity"], "destinationEnvironmentType": ENV_TYPE[dst["app"]],
            "sourceFilter": src.get("filter", ""), "reversedSourceFilter": dst.get("filter", ""),
            "fieldMappings": mappings,
        }],
    }

def record_name(m):
    fo = m["source"] if m["source"]["app"] == FO else m["destination"]
    dv = m["destination"] if m["destination"]["app"] == DV else m["source"]
    return f'msdyn_[{dv["entity"]} - {fo["entity"]}]'

def record(m):
    name = record_name(m)
    return {
        "@odata.etag": 'W/"1000"',
        "msdyn_dualwriteentitymapid": str(uuid.uuid5(NS, name)),
        "msdyn_name": name,
        "msdyn_displayname": m["name"],
        "msdyn_version": "1.0.0.0",
        "msdyn_mapping": json.dumps(definition(m), separators=(",", ":")),
        "ismanaged": False,
        "statecode": 0,
        "_solutionid_value": SOLUTION_ID,
        "createdon": CREATED,
    }

os.makedirs("examples/service/webapi", exist_ok=True)
os.makedirs("examples/service/solution/Other", exist_ok=True)
base = "https://contoso.crm.dynamics.com/api/data/v9.2/"
context = base + "$metadata#msdyn_dualwriteentitymaps(msdyn_dualwriteentitymapid,msdyn_name,msdyn_displayname,msdyn_version,msdyn_mapping,ismanaged,statecode,_solutionid_value,createdon)"
half = (len(maps) + 1) // 2
pages = [maps[:half], maps[half:]]
for i, page in enumerate(pages, 1):
    body = {"@odata.context": context, "value": [record(m) for m in page]}
    if i < len(pages):
        body["@odata.nextLink"] = base + "msdyn_dualwriteentitymaps?$select=msdyn_dualwriteentitymapid,msdyn_name,msdyn_displayname,msdyn_version,msdyn_mapping,ismanaged,statecode,_solutionid_value,createdon&$skiptoken=page2"
    # As curl saves a Web API response: one line, no indentation.
    open(f"examples/service/webapi/page-{i}.json", "w").write(json.dumps(body, separators=(",", ":")) + "\n")

def column(name, value):
    escaped = sax.escape(str(value), {'"': "&quot;"})
    return f"      <{name}>{escaped}</{name}>"

records = []
for m in maps:
    r = record(m)
    records.append("\n".join([
        f'    <msdyn_dualwriteentitymap msdyn_dualwriteentitymapid="{{{r["msdyn_dualwriteentitymapid"]}}}">',
        column("iscustomizable", 1),
        column("msdyn_displayname", r["msdyn_displayname"]),
        column("msdyn_mapping", json.dumps(definition(m), indent=2)),
        column("msdyn_name", r["msdyn_name"]),
        column("msdyn_version", r["msdyn_version"]),
        column("statecode", 0),
        column("statuscode", 1),
        "    </msdyn_dualwriteentitymap>"]))
open("examples/service/solution/Other/Customizations.xml", "w").write(
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" OrganizationVersion="9.2.26023.151" OrganizationSchemaType="Standard">\n'
    '  <Entities />\n  <Roles />\n  <Workflows />\n  <FieldSecurityProfiles />\n  <Templates />\n  <EntityMaps />\n  <EntityRelationships />\n'
    '  <OrganizationSettings />\n  <optionsets />\n  <CustomControls />\n  <EntityDataProviders />\n'
    '  <msdyn_dualwriteentitymaps>\n' + "\n".join(records) + '\n  </msdyn_dualwriteentitymaps>\n'
    '  <Languages>\n    <Language>1033</Language>\n  </Languages>\n</ImportExportXml>\n')
open("examples/service/solution/Other/Solution.xml", "w").write(
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<ImportExportXml version="9.2.26023.151" SolutionPackageVersion="9.2" languagecode="1033" generatedBy="CrmLive" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
    '  <SolutionManifest>\n    <UniqueName>ContosoDualWriteMaps</UniqueName>\n    <Version>1.0.0.0</Version>\n    <Managed>0</Managed>\n'
    '    <Publisher>\n      <UniqueName>contoso</UniqueName>\n      <CustomizationPrefix>contoso</CustomizationPrefix>\n    </Publisher>\n'
    '    <RootComponents />\n  </SolutionManifest>\n</ImportExportXml>\n')

# The project document: three reference-data tasks (as examples/project.json runs) with the schemas they use.
fo_meta, dv_meta = load("examples/metadata/finance-and-operations.json"), load("examples/metadata/dataverse.json")
TYPE = {"string": "String", "integer": "Int32", "int64": "Int64", "decimal": "Decimal", "real": "Real", "money": "Money",
        "boolean": "Boolean", "date": "Date", "dateTime": "DateTime", "guid": "Guid", "enum": "Enum", "optionSet": "Picklist", "lookup": "Lookup"}

def schema(name, e):
    fields = []
    for fname, f in e["fields"].items():
        details = {"type": TYPE[f["type"]]}
        if "maxLength" in f: details["length"] = f["maxLength"]
        if "precision" in f: details["precision"] = f["precision"]
        if "target" in f: details["relatedEntity"] = f["target"]
        fields.append({"name": fname, "displayName": fname, "isRequired": f.get("required", False),
                       "isReadonly": f.get("readOnly", False), "typeDetails": details})
    s = {"name": name, "displayName": name, "fields": fields}
    if "keys" in e:
        s["keys"] = [{"name": name + "key", "fields": k, "isIntegrationKey": i == 0} for i, k in enumerate(e["keys"])]
    if e.get("companyScope") == "company":
        s["primaryCompanyContextField"] = e.get("companyField", "dataAreaId" if e is fo_meta["entities"].get(name) else "msdyn_company")
    return s

names = ["Currencies (transactioncurrencies)", "Terms of payment (msdyn_paymentterms)", "Customer groups (msdyn_customergroups)"]
chosen = [next(m for m in maps if m["name"] == n) for n in names]
def used(app):
    return sorted({side["entity"] for m in chosen for side in (m["source"], m["destination"]) if side["app"] == app})
tasks = []
for order, m in enumerate(chosen, 1):
    d = definition(m)
    leg = d["legs"][0]
    leg["sourceEnvironment"] = "contoso-fo" if m["source"]["app"] == FO else "contoso-dataverse"
    leg["destinationEnvironment"] = "contoso-dataverse" if m["destination"]["app"] == DV else "contoso-fo"
    tasks.append({"name": m["name"], "order": order, "connectionSetName": "contoso-dualwrite",
                  "leftEnvironmentType": d["leftEnvironmentType"], "rightEnvironmentType": d["rightEnvironmentType"],
                  "leftEnvironment": leg["sourceEnvironment"], "leftPartitionName": "USMF", "legs": [leg]})
project = {
    "name": "Contoso reference data (service project)",
    "displayName": "Contoso reference data",
    "isDualWriteProject": True,
    "environments": [
        {"name": "contoso-fo", "connectionSetName": "contoso-dualwrite", "targetType": "AX",
         "schemas": [schema(n, fo_meta["entities"][n]) for n in used(FO)]},
        {"name": "contoso-dataverse", "connectionSetName": "contoso-dualwrite", "targetType": "CRM",
         "schemas": [schema(n, dv_meta["entities"][n]) for n in used(DV)]},
    ],
    "entityMappingTasks": tasks,
    "validationIssues": [],
}
open("examples/service/project.json", "w").write(json.dumps(project, indent=2) + "\n")

connection_set = {
    "name": "contoso-dualwrite",
    "displayName": "Contoso dual-write",
    "forDualWrite": True,
    "environments": {
        "contoso-fo": {"name": "contoso-fo", "connectionSetName": "contoso-dualwrite", "targetType": "AX",
                       "connectionDisplayName": "Finance and operations (service)", "directUrl": "https://contoso.operations.dynamics.com"},
        "contoso-dataverse": {"name": "contoso-dataverse", "connectionSetName": "contoso-dualwrite", "targetType": "CRM",
                              "connectionDisplayName": "Dataverse (service)", "directUrl": "https://contoso.crm.dynamics.com"},
    },
    "dataPartitionMappings": [
        {"firstPartitionEnvName": "contoso-fo", "firstPartition": le, "secondPartitionEnvName": "contoso-dataverse", "secondPartition": le}
        for le in ["USMF", "DEMF"]],
    "dualWriteDetail": {"legalEntityMappings": {"leftEnvironment": "contoso-fo", "rightEnvironment": "contoso-dataverse",
                        "mappings": [{"left": {"name": le, "id": le}, "right": {"name": le, "id": le}} for le in ["USMF", "DEMF"]]}},
}
open("examples/service/connection-set.json", "w").write(json.dumps(connection_set, indent=2) + "\n")
