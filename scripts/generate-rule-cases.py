# Case authoring for rule tests and examples/broken (kept outside the repo; outputs are committed).
import json, os, re, shutil, sys

def side(app, entity, filt=None):
    d = {"app": app, "entity": entity}
    if filt is not None: d["filter"] = filt
    return d

def M(s, d, direction="=", **kw):
    r = {}
    if s is not None: r["source"] = s
    r["direction"] = direction
    if d is not None: r["destination"] = d
    r.update(kw)
    return r

MARK = re.compile(r'\{\|(DIPV\d+):')
def q(v):  # JSON-quote, keeping markup placeholders
    return json.dumps(v, ensure_ascii=False)

def mapdoc(name="\"Customers\"", src=("financeAndOperations","\"CustomersV3\"",None), dst=("dataverse","\"account\"",None), mappings=None, extra=None, raw_mappings=None):
    lines = ['{', '  "kind": "tableMap",', f'  "name": {name},']
    s = {"app": src[0], "entity": src[1]}
    lines.append('  "source": { "app": %s, "entity": %s%s },' % (q(src[0]), src[1], (', "filter": %s' % src[2]) if src[2] else ''))
    lines.append('  "destination": { "app": %s, "entity": %s%s },' % (q(dst[0]), dst[1], (', "filter": %s' % dst[2]) if dst[2] else ''))
    for e in (extra or []):
        lines.append('  ' + e + ',')
    lines.append('  "mappings": [')
    ms = raw_mappings
    lines.append(',\n'.join('    ' + m for m in ms))
    lines.append('  ]')
    lines.append('}')
    return '\n'.join(lines) + '\n'

def mp(s, d, direction="=", tail=""):
    parts = []
    if s is not None: parts.append('"source": %s' % s)
    parts.append('"direction": "%s"' % direction)
    if d is not None: parts.append('"destination": %s' % d)
    if tail: parts.append(tail)
    return '{ ' + ', '.join(parts) + ' }'

def S(x): return '"%s"' % x
BASE = [mp(S("CUSTOMERACCOUNT"), S("accountnumber")), mp(S("ORGANIZATIONNAME"), S("name")), mp(S("CUSTOMERGROUPID"), S("msdyn_customergroupid.msdyn_groupid"))]
FO = ("financeAndOperations", S("CustomersV3"), None)
DV = ("dataverse", S("account"), None)
NAME = S("Customers")

def base_with(*extra_maps, replace=None):
    ms = list(BASE)
    if replace:
        for i, v in replace.items():
            ms[i] = v
    ms = [m for m in ms if m is not None]
    return mapdoc(name=NAME, raw_mappings=ms + list(extra_maps))

def cs(name="Other", envs=None, conns=None, orgs=None):
    envs = envs if envs is not None else ['{ "name": "fo", "app": "financeAndOperations", "url": "https://contoso.operations.dynamics.com" }', '{ "name": "dv", "app": "dataverse", "url": "https://contoso.crm.dynamics.com" }']
    out = ['{', '  "kind": "connectionSet",', f'  "name": "{name}",', '  "environments": [', ',\n'.join('    ' + e for e in envs), '  ]']
    if conns is not None:
        out[-1] += ','
        out += ['  "connections": [', ',\n'.join('    ' + c for c in conns), '  ]']
    if orgs is not None:
        out[-1] += ','
        out += ['  "organizationMappings": [', ',\n'.join('    ' + o for o in orgs), '  ]']
    out.append('}')
    return '\n'.join(out) + '\n'

def project(task):
    return '{\n  "kind": "project",\n  "name": "Contoso project",\n  "connectionSet": "Contoso",\n  "tasks": [\n    %s\n  ]\n}\n' % task

AB = ("financeAndOperations", S("AddressBooks"), None)
ABD = ("dataverse", S("msdyn_addressbook"), None)

# fixture modes: "full" (metadata + connection set), "metadata" (no connection set), "none"
CASES = {}
def case(id, title, fires, message, silent, fixture="full", note=None):
    CASES[id] = dict(title=title, fires=fires, message=message, silent=silent, fixture=fixture)

case("DIPV1000", "ConnectionReachesUnknownEnvironment",
     [("case/connection-set.json", cs(conns=['{ "name": "crm", "app": "dataverse", "environment": {|DIPV1000:"crm"|} }'], orgs=['{ "legalEntity": "USMF", "businessUnit": "USMF" }']))],
     "Connection 'crm' reaches environment 'crm', which this connection set does not define.",
     [("case/connection-set.json", cs(conns=['{ "name": "crm", "app": "dataverse", "environment": "dv" }'], orgs=['{ "legalEntity": "USMF", "businessUnit": "USMF" }']))])
case("DIPV1002", "CompanySpecificMappedToGlobal",
     [("case/map.json", mapdoc(name=S("Customer names"), src=FO, dst=("dataverse", '{|DIPV1002:"msdyn_addressbook"|}', None), raw_mappings=[mp(S("CUSTOMERGROUPID"), S("msdyn_name"), ">")]))],
     "'CustomersV3' is company-specific but 'msdyn_addressbook' is global",
     [("case/map.json", mapdoc(name=S("Address books"), src=AB, dst=ABD, raw_mappings=[mp(S("NAME"), S("msdyn_name"), ">")]))])
case("DIPV1003", "DataverseTableWithoutKey",
     [("case/map.json", mapdoc(name=S("Books"), src=AB, dst=("dataverse", '{|DIPV1003:"msdyn_nokeybook"|}', None), raw_mappings=[mp(S("NAME"), S("msdyn_name"), ">")]))],
     "Dataverse table 'msdyn_nokeybook' has no integration key, and map 'Books' declares none",
     [("case/map.json", mapdoc(name=S("Books"), src=AB, dst=("dataverse", S("msdyn_nokeybook"), None), extra=['"integrationKey": ["msdyn_name"]'], raw_mappings=[mp(S("NAME"), S("msdyn_name"), ">")]))])
case("DIPV1004", "KeyFieldMappedOneWay",
     [("case/map.json", base_with(replace={0: mp(S("CUSTOMERACCOUNT"), '{|DIPV1004:"accountnumber"|}', ">")}))],
     "Key field 'accountnumber' is mapped one way ('>') but map 'Customers' syncs both ways; map it with '='",
     [("case/map.json", base_with())])
case("DIPV1005", "EnvironmentWithoutUrl",
     [("case/connection-set.json", cs(envs=['{ "name": "fo", "app": "financeAndOperations", "url": "https://contoso.operations.dynamics.com" }', '{ "name": {|DIPV1005:"dv"|}, "app": "dataverse" }'], orgs=['{ "legalEntity": "USMF", "businessUnit": "USMF" }']))],
     "Environment 'dv' has no 'url'",
     [("case/connection-set.json", cs(orgs=['{ "legalEntity": "USMF", "businessUnit": "USMF" }']))])
case("DIPV1007", "TaskEnvironmentNotInConnectionSet",
     [("case/map.json", base_with()), ("case/project.json", project('{ "name": "Customers", "source": {|DIPV1007:"fo2"|}, "destination": "dv", "map": "Customers" }'))],
     "Task 'Customers' uses source environment 'fo2', which connection set 'Contoso' does not define. Did you mean 'fo'?",
     [("case/map.json", base_with()), ("case/project.json", project('{ "name": "Customers", "source": "fo", "destination": "dv", "map": "Customers" }'))])
case("DIPV1008", "LegalEntityNotInMetadata",
     [("case/connection-set.json", cs(orgs=['{ "legalEntity": {|DIPV1008:"USXX"|}, "businessUnit": "USMF" }']))],
     "Legal entity 'USXX' does not exist in finance and operations metadata",
     [("case/connection-set.json", cs(orgs=['{ "legalEntity": "DEMF", "businessUnit": "DEMF" }']))])
case("DIPV1010", "RequiredFieldNotMapped",
     [("case/map.json", mapdoc(name=NAME, src=("financeAndOperations", '{|DIPV1010:"CustomersV3"|}', None), dst=("dataverse", '{|DIPV1010:"account"|}', None), raw_mappings=[BASE[0], BASE[2]]))],
     "Required field 'ORGANIZATIONNAME' of finance and operations entity 'CustomersV3' is not mapped",
     [("case/map.json", base_with())])
case("DIPV1011", "ReadOnlyFieldWritten",
     [("case/map.json", base_with(mp(S("LASTCONTACT"), '{|DIPV1011:"createdon"|}', ">")))],
     "Field 'createdon' of 'account' is read-only, but mapping 'LASTCONTACT > createdon' writes into it; make the mapping one way out of it ('<')",
     [("case/map.json", base_with(mp(S("LASTCONTACT"), S("createdon"), "<")))])
case("DIPV1012", "DataverseFilterUnknownColumn",
     [("case/map.json", mapdoc(name=NAME, src=FO, dst=("dataverse", S("account"), '"{|DIPV1012:statuscode|} eq 0"'), raw_mappings=BASE))],
     "Dataverse filter: column 'statuscode' does not exist in table 'account'. Did you mean 'statecode'?",
     [("case/map.json", mapdoc(name=NAME, src=FO, dst=("dataverse", S("account"), '"statecode eq 0 and contains(name,\'Contoso\')"'), raw_mappings=BASE))])
case("DIPV1014", "KeyFieldNotMapped",
     [("case/map.json", mapdoc(name=NAME, src=FO, dst=DV, extra=['"integrationKey": ["accountnumber", {|DIPV1014:"nickname"|}]'], raw_mappings=BASE))],
     "Integration key field 'nickname' of 'account' is not mapped in map 'Customers'",
     [("case/map.json", mapdoc(name=NAME, src=FO, dst=DV, extra=['"integrationKey": ["accountnumber"]'], raw_mappings=BASE))])
case("DIPV1015", "KeyLookupNotExpanded",
     [("case/map.json", mapdoc(name=NAME, src=FO, dst=DV, extra=['"integrationKey": ["accountnumber", "msdyn_customergroupid"]'], raw_mappings=[BASE[0], BASE[1], mp(S("CUSTOMERGROUPID"), '{|DIPV1015:"msdyn_customergroupid"|}')]))],
     "Key field 'msdyn_customergroupid' is a lookup to 'msdyn_customergroup' but is mapped as 'msdyn_customergroupid'; map it through the key of 'msdyn_customergroup': 'msdyn_customergroupid.msdyn_groupid', 'msdyn_customergroupid.msdyn_company'.",
     [("case/map.json", mapdoc(name=NAME, src=FO, dst=DV, extra=['"integrationKey": ["accountnumber", "msdyn_customergroupid"]'], raw_mappings=BASE))])
case("DIPV1016", "CompanyMapWithoutOrganizationMapping",
     [("case/map.json", mapdoc(name='{|DIPV1016:"Customers"|}', src=FO, dst=DV, raw_mappings=BASE)), ("case/customer-groups.json", mapdoc(name='{|DIPV1016:"Customer groups"|}', src=("financeAndOperations", S("CustomerGroups"), None), dst=("dataverse", S("msdyn_customergroup"), None), raw_mappings=[mp(S("CUSTOMERGROUPID"), S("msdyn_groupid")), mp(S("DESCRIPTION"), S("msdyn_description"))])), ("case/connection-set.json", cs(name="Contoso"))],
     "syncs company-specific data but connection set 'Contoso' maps no legal entity to a business unit",
     [("case/map.json", base_with()), ("case/customer-groups.json", mapdoc(name=S("Customer groups"), src=("financeAndOperations", S("CustomerGroups"), None), dst=("dataverse", S("msdyn_customergroup"), None), raw_mappings=[mp(S("CUSTOMERGROUPID"), S("msdyn_groupid")), mp(S("DESCRIPTION"), S("msdyn_description"))])), ("case/connection-set.json", cs(name="Contoso", orgs=['{ "legalEntity": "USMF", "businessUnit": "USMF" }']))],
     fixture="metadata")
case("DIPV1017", "LookupToCompanyTableWithoutOrganizationMapping",
     [("case/map.json", mapdoc(name=S("Address books"), src=AB, dst=ABD, raw_mappings=[mp(S("NAME"), S("msdyn_name"), ">"), mp(S("CUSTOMERGROUPID"), '{|DIPV1017:"msdyn_customergroupid.msdyn_groupid"|}', ">")])), ("case/customer-groups.json", mapdoc(name='{|DIPV1016:"Customer groups"|}', src=("financeAndOperations", S("CustomerGroups"), None), dst=("dataverse", S("msdyn_customergroup"), None), raw_mappings=[mp(S("CUSTOMERGROUPID"), S("msdyn_groupid")), mp(S("DESCRIPTION"), S("msdyn_description"))])), ("case/connection-set.json", cs(name="Contoso"))],
     "Lookup 'msdyn_customergroupid.msdyn_groupid' points to company-specific table 'msdyn_customergroup' but connection set 'Contoso' maps no legal entity",
     [("case/map.json", mapdoc(name=S("Address books"), src=AB, dst=ABD, raw_mappings=[mp(S("NAME"), S("msdyn_name"), ">"), mp(S("CUSTOMERGROUPID"), S("msdyn_customergroupid.msdyn_groupid"), ">")])), ("case/customer-groups.json", mapdoc(name=S("Customer groups"), src=("financeAndOperations", S("CustomerGroups"), None), dst=("dataverse", S("msdyn_customergroup"), None), raw_mappings=[mp(S("CUSTOMERGROUPID"), S("msdyn_groupid")), mp(S("DESCRIPTION"), S("msdyn_description"))])), ("case/connection-set.json", cs(name="Contoso", orgs=['{ "legalEntity": "USMF", "businessUnit": "USMF" }']))],
     fixture="metadata")
case("DIPV1018", "SourceEntityNotInMetadata",
     [("case/map.json", mapdoc(name=NAME, src=("financeAndOperations", '{|DIPV1018:"CustomersV4"|}', None), dst=DV, raw_mappings=BASE))],
     "The finance and operations metadata has no entity 'CustomersV4', the source of this map; fix the name or add the entity's metadata. Did you mean 'CustomersV3'?",
     [("case/map.json", base_with())])
case("DIPV1019", "VirtualTable",
     [("case/map.json", mapdoc(name=S("Books"), src=AB, dst=("dataverse", '{|DIPV1019:"msdyn_virtualbook"|}', None), raw_mappings=[mp(S("NAME"), S("msdyn_name"), ">")]))],
     "Dataverse table 'msdyn_virtualbook' is a virtual table and has no versionnumber column",
     [("case/map.json", mapdoc(name=S("Books"), src=AB, dst=ABD, raw_mappings=[mp(S("NAME"), S("msdyn_name"), ">")]))])
case("DIPV1020", "DestinationTableNotInMetadata",
     [("case/map.json", mapdoc(name=NAME, src=FO, dst=("dataverse", '{|DIPV1020:"acount"|}', None), raw_mappings=BASE))],
     "The Dataverse metadata has no entity 'acount', the destination of this map; fix the name or add the entity's metadata. Did you mean 'account'?",
     [("case/map.json", base_with())])
case("DIPV1021", "MappingWithoutSource",
     [("case/map.json", base_with(mp(None, '{|DIPV1021:"nickname"|}', "=")))],
     "Mapping (none) = nickname has no source field",
     [("case/map.json", base_with(mp(None, S("nickname"), ">>", '"transform": { "defaultValue": "n/a" }')))])
case("DIPV1022", "UnknownSourceField",
     [("case/map.json", base_with(mp('{|DIPV1022:"NAMEALIASS"|}', S("nickname"))))],
     "Field 'NAMEALIASS' does not exist in finance and operations entity 'CustomersV3'. Did you mean 'NAMEALIAS'?",
     [("case/map.json", base_with(mp(S("NAMEALIAS"), S("nickname"))))])
case("DIPV1023", "SourceFieldWrittenTwice",
     [("case/map.json", base_with(mp(S("NAMEALIAS"), S("nickname")), mp('{|DIPV1023:"NAMEALIAS"|}', S("accountnumber"), "<")))],
     "Source field 'NAMEALIAS' is written by mappings 4 and 5",
     [("case/map.json", base_with(mp(S("NAMEALIAS"), S("nickname"))))])
case("DIPV1024", "MappingWithoutDestination",
     [("case/map.json", base_with(mp('{|DIPV1024:"NAMEALIAS"|}', None, "=")))],
     "Mapping NAMEALIAS = (none) has no destination field",
     [("case/map.json", base_with(mp(S("NAMEALIAS"), None, "<<", '"transform": { "defaultValue": "n/a" }')))])
case("DIPV1025", "UnknownDestinationField",
     [("case/map.json", base_with(mp(S("NAMEALIAS"), '{|DIPV1025:"nicknam"|}')))],
     "Field 'nicknam' does not exist in Dataverse entity 'account'. Did you mean 'nickname'?",
     [("case/map.json", base_with(mp(S("NAMEALIAS"), S("nickname"))))])
case("DIPV1026", "DestinationFieldWrittenTwice",
     [("case/map.json", base_with(mp(S("NAMEALIAS"), S("nickname")), mp(S("CUSTOMERACCOUNT"), '{|DIPV1026:"nickname"|}', ">")))],
     "Destination field 'nickname' is written by mappings 4 and 5",
     [("case/map.json", base_with(mp(S("NAMEALIAS"), S("nickname")), mp(S("EMPLOYEES"), S("numberofemployees"))))])
case("DIPV1027", "DestinationLookupWithoutKey",
     [("case/map.json", base_with(replace={2: mp(S("CUSTOMERGROUPID"), '{|DIPV1027:"msdyn_customergroupid"|}')}))],
     "'msdyn_customergroupid' is a lookup to 'msdyn_customergroup' and must be mapped through that table's integration key: 'msdyn_customergroupid.msdyn_groupid', 'msdyn_customergroupid.msdyn_company'.",
     [("case/map.json", base_with())])
case("DIPV1028", "SourceLookupWithoutKey",
     [("case/map.json", mapdoc(name=S("Accounts to customers"), src=DV, dst=FO, raw_mappings=[mp(S("accountnumber"), S("CUSTOMERACCOUNT")), mp(S("name"), S("ORGANIZATIONNAME")), mp('{|DIPV1028:"msdyn_customergroupid.msdyn_code"|}', S("CUSTOMERGROUPID"))]))],
     "'msdyn_code' is not in the integration key of 'msdyn_customergroup', so lookup 'msdyn_customergroupid' cannot be resolved through it",
     [("case/map.json", mapdoc(name=S("Accounts to customers"), src=DV, dst=FO, raw_mappings=[mp(S("accountnumber"), S("CUSTOMERACCOUNT")), mp(S("name"), S("ORGANIZATIONNAME")), mp(S("msdyn_customergroupid.msdyn_groupid"), S("CUSTOMERGROUPID"))]))])
VM = '{ "source": "None", "destination": 1 }, { "source": "Person", "destination": 2 }, { "source": "Organization", "destination": 3 }'
case("DIPV1029", "DuplicateValueMapEntry",
     [("case/map.json", base_with(mp(S("PARTYTYPE"), S("msdyn_partytype"), ">>", '"transform": { "valueMap": [' + VM + ', { "source": {|DIPV1029:"Person"|}, "destination": 3 }] }')))],
     "Source value 'Person' appears in value map entries 2 and 4",
     [("case/map.json", base_with(mp(S("PARTYTYPE"), S("msdyn_partytype"), ">>", '"transform": { "valueMap": [' + VM + '] }')))])
case("DIPV1030", "StringIntoInteger",
     [("case/map.json", base_with(mp(S("NAMEALIAS"), '{|DIPV1030:"numberofemployees"|}')))],
     "'NAMEALIAS' (string) to 'numberofemployees' (integer): a string value cannot be written into a integer field",
     [("case/map.json", base_with(mp(S("EMPLOYEES"), S("numberofemployees"))))])
case("DIPV1031", "RequiredFieldFedFromOptional",
     [("case/map.json", mapdoc(name=S("Address books"), src=AB, dst=ABD, raw_mappings=[mp(S("ALIAS"), '{|DIPV1031:"msdyn_name"|}', ">")]))],
     "Required field 'msdyn_name' is fed from optional field 'ALIAS' with no default value",
     [("case/map.json", mapdoc(name=S("Address books"), src=AB, dst=ABD, raw_mappings=[mp(S("ALIAS"), S("msdyn_name"), ">>", '"transform": { "defaultValue": "unnamed" }')]))])
case("DIPV2000", "TruncatedJson",
     [("case/map.json", '{\n  "kind": "tableMap",\n  "name": "Customers",\n  "mappings": [\n{|DIPV2000:|}')],
     "The JSON ends too early (truncated file?)",
     [("case/map.json", base_with())])
case("DIPV2001", "BadDirection",
     [("case/map.json", base_with(mp(S("NAMEALIAS"), S("nickname"), '{|DIPV2001:"=>"|}').replace('"direction": "{|DIPV2001:"=>"|}"', '"direction": {|DIPV2001:"=>"|}')))],
     "'direction' must be one of '=', '><', '>', '<', '>>', '<<', not '=>'.",
     [("case/map.json", base_with(mp(S("NAMEALIAS"), S("nickname"))))])
case("DIPV2002", "DuplicateProperty",
     [("case/map.json", base_with().replace('"name": "Customers",', '"name": "Customers",\n  {|DIPV2002:"name"|}: "Customers again",'))],
     "Property 'name' appears more than once in this object",
     [("case/map.json", base_with())])
case("DIPV2003", "MisspelledKind",
     [("case/map.json", base_with().replace('"kind": "tableMap"', '"kind": {|DIPV2003:"tablemap"|}'))],
     "'tablemap' is not a MapLint document kind; use one of 'tableMap', 'connectionSet', 'project', 'entityMetadata'. Did you mean 'tableMap'?",
     [("case/other.json", '{ "kind": "Deployment", "name": "not a MapLint document" }\n')])
case("DIPV2007", "TaskRunsUnknownMap",
     [("case/map.json", base_with()), ("case/project.json", project('{ "name": "Customers", "source": "fo", "destination": "dv", "map": {|DIPV2007:"Customer"|} }'))],
     "Task 'Customers' runs map 'Customer', which no tableMap in the checked paths defines. Did you mean 'Customers'?",
     [("case/map.json", base_with()), ("case/project.json", project('{ "name": "Customers", "source": "fo", "destination": "dv", "map": "Customers" }'))])
case("DIPV2008", "TwoMapsWithOneName",
     [("case/a.json", base_with()), ("case/b.json", mapdoc(name='{|DIPV2008:"Customers"|}', src=AB, dst=ABD, raw_mappings=[mp(S("NAME"), S("msdyn_name"), ">")]))],
     "Another tableMap is also named 'Customers' (case/a.json)",
     [("case/a.json", base_with()), ("case/b.json", mapdoc(name=S("Address books"), src=AB, dst=ABD, raw_mappings=[mp(S("NAME"), S("msdyn_name"), ">")]))])
case("DIPV2100", "UnclosedParenthesis",
     [("case/map.json", mapdoc(name=NAME, src=("financeAndOperations", S("CustomersV3"), '"{|DIPV2100:(|}NAMEALIAS == \\"x\\""'), dst=DV, raw_mappings=BASE))],
     "Finance and operations filter: Missing ')' to close the '(' here.",
     [("case/map.json", mapdoc(name=NAME, src=("financeAndOperations", S("CustomersV3"), '"((NAMEALIAS == \\"x\\") && !(PARTYTYPE == PartyType::None))"'), dst=DV, raw_mappings=BASE))])
case("DIPV2101", "SingleEquals",
     [("case/map.json", mapdoc(name=NAME, src=("financeAndOperations", S("CustomersV3"), '"(PARTYTYPE {|DIPV2101:=|} PartyType::Person)"'), dst=DV, raw_mappings=BASE))],
     "'=' is not the comparison operator of a query range expression; write '=='",
     [("case/map.json", mapdoc(name=NAME, src=("financeAndOperations", S("CustomersV3"), '"(PARTYTYPE == PartyType::Person)"'), dst=DV, raw_mappings=BASE))])
case("DIPV2102", "EmptyStringComparison",
     [("case/map.json", mapdoc(name=NAME, src=FO, dst=("dataverse", S("account"), '"nickname eq {|DIPV2102:\'\'|}"'), raw_mappings=BASE))],
     "Comparing 'nickname' with '' does not match rows where it is null",
     [("case/map.json", mapdoc(name=NAME, src=("financeAndOperations", S("CustomersV3"), '"(NAMEALIAS != \\"\\")"'), dst=("dataverse", S("account"), '"nickname ne \'\'"'), raw_mappings=BASE))])
case("DIPV2103", "OnlyTowardFinanceAndOperations",
     [("case/map.json", mapdoc(name='{|DIPV2103:"Customers"|}', src=FO, dst=DV, raw_mappings=[m.replace('"direction": "="', '"direction": "<"') for m in BASE]))],
     "Every mapping of 'Customers' writes into finance and operations and none reads from it",
     [("case/map.json", base_with())])
case("DIPV2104", "ValueMapMissesAValue",
     [("case/map.json", base_with(mp(S("PARTYTYPE"), S("msdyn_partytype"), ">>", '"transform": { "valueMap": {|DIPV2104:[{ "source": "None", "destination": 1 }, { "source": "Person", "destination": 2 }]|} }')))],
     "has no entry for PARTYTYPE value(s) 'Organization'",
     [("case/map.json", base_with(mp(S("PARTYTYPE"), S("msdyn_partytype"), ">>", '"transform": { "valueMap": [' + VM + '] }')))])
def lookups(n):
    return [mp(S("F%d" % i), S("lookup%d.key" % i)) for i in range(n)]
case("DIPV2105", "TenLookups",
     [("case/map.json", mapdoc(name='{|DIPV2105:"Wide map"|}', src=("financeAndOperations", S("WideEntity"), None), dst=("dataverse", S("msdyn_wide"), None), raw_mappings=lookups(10)))],
     "Map 'Wide map' has 10 lookups; initial sync from Dataverse does not support maps with 10 or more",
     [("case/map.json", mapdoc(name=S("Wide map"), src=("financeAndOperations", S("WideEntity"), None), dst=("dataverse", S("msdyn_wide"), None), raw_mappings=lookups(9)))],
     fixture="none")
case("DIPV2106", "VirtualFieldMapped",
     [("case/map.json", base_with(mp('{|DIPV2106:"ADDRESSDESCRIPTION"|}', S("nickname"), ">")))],
     "'ADDRESSDESCRIPTION' is a virtual field of 'CustomersV3'",
     [("case/map.json", base_with(mp(S("NAMEALIAS"), S("nickname"), ">")))])

CONTACTS = ("financeAndOperations", S("ContactPersons"), None), ("dataverse", S("contact"), None)
def contacts_map(extra=()):
    return mapdoc(name=S("Contacts"), src=CONTACTS[0], dst=CONTACTS[1], raw_mappings=[mp(S("CONTACTPERSONID"), S("msdyn_contactpersonid")), mp(S("CUSTOMERACCOUNT"), S("parentcustomerid.accountnumber"))] + list(extra))
case("DIPV2107", "FieldMappedBothWaysToTwoFields",
     [("case/map.json", base_with(mp(S("NAMEALIAS"), S("nickname")), mp('{|DIPV2107:"NAMEALIAS"|}', S("name")), replace={1: None}))],
     "Field 'NAMEALIAS' is mapped both ways by mappings 3 and 4, from two different fields",
     [("case/map.json", base_with(mp(S("NAMEALIAS"), S("nickname")), mp(S("NAMEALIAS"), S("name"), ">"), replace={1: None}))], fixture="none")
case("DIPV2200", "SelfReferencingLookup",
     [("case/map.json", base_with(mp(S("INVOICEACCOUNT"), '{|DIPV2200:"msdyn_billingaccount.accountnumber"|}')))],
     "Lookup 'msdyn_billingaccount.accountnumber' points to 'account', the table map 'Customers' itself writes",
     [("case/map.json", base_with())])
case("DIPV2201", "TwoMapsLookEachOtherUp",
     [("case/customers.json", base_with(mp(S("PRIMARYCONTACTPERSONID"), '{|DIPV2201:"primarycontactid.msdyn_contactpersonid"|}'))), ("case/contacts.json", contacts_map())],
     "Maps look each other up in a cycle: 'Customers'.primarycontactid.msdyn_contactpersonid → 'Contacts', 'Contacts'.parentcustomerid.accountnumber → 'Customers'. No initial-sync order exists; defer 'primarycontactid.msdyn_contactpersonid' of 'Customers' to a second pass",
     [("case/customers.json", base_with()), ("case/contacts.json", contacts_map())])
case("DIPV2202", "LookupToTableWithoutMap",
     [("case/map.json", base_with(mp(S("SALESTAXGROUP"), '{|DIPV2202:"msdyn_salestaxgroup.msdyn_taxgroup"|}')))],
     "Lookup 'msdyn_salestaxgroup.msdyn_taxgroup' points to 'msdyn_taxgroup', which no map in the checked paths synchronizes",
     [("case/map.json", base_with(mp(S("SALESTAXGROUP"), S("msdyn_salestaxgroup.msdyn_taxgroup")))), ("case/tax-groups.json", mapdoc(name=S("Sales tax groups"), src=("financeAndOperations", S("SalesTaxGroups"), None), dst=("dataverse", S("msdyn_taxgroup"), None), raw_mappings=[mp(S("TAXGROUPID"), S("msdyn_taxgroup"))]))])
case("DIPV2203", "TwoMapsWriteOneTable",
     [("case/a.json", base_with()), ("case/b.json", mapdoc(name=S("Customers copy"), src=FO, dst=("dataverse", '{|DIPV2203:"account"|}', None), raw_mappings=[m.replace('"direction": "="', '"direction": ">"') for m in BASE]))],
     "Table 'account' is also written by map 'Customers' (case/a.json)",
     [("case/a.json", base_with()), ("case/b.json", mapdoc(name=S("Address books"), src=AB, dst=ABD, raw_mappings=[mp(S("NAME"), S("msdyn_name"), ">")]))])

SUP = lambda rule: '"suppressions": [{ "rule": %s, "justification": "Keys are set in finance and operations only." }]' % rule
case("DIPV2009", "UnusedSuppression",
     [("case/map.json", mapdoc(name=NAME, src=FO, dst=DV, extra=[SUP('{|DIPV2009:"DIPV1004"|}')], raw_mappings=BASE))],
     "This suppression of DIPV1004 matches no finding here; remove it.",
     [("case/map.json", base_with(replace={0: mp(S("CUSTOMERACCOUNT"), S("accountnumber"), ">", SUP('"DIPV1004"'))}))])

# Business Central (AL) cases live in their own file; they use case() and S() above.
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rule-cases-business-central.py"), encoding="utf-8").read())

# DIPV2300: the environment URL carries a user and password (a made-up one), as connection strings pasted from a browser do.
case("DIPV2300", "PasswordInEnvironmentUrl",
     [("case/connection-set.json", cs(envs=['{ "name": "fo", "app": "financeAndOperations", "url": {|DIPV2300:"https://svc-dualwrite:NotARealPassword1@contoso.operations.dynamics.com"|} }', '{ "name": "dv", "app": "dataverse", "url": "https://contoso.crm.dynamics.com" }'], orgs=['{ "legalEntity": "USMF", "businessUnit": "USMF" }']))],
     "'url' holds a password in the URL's user information stored in the file",
     [("case/connection-set.json", cs(orgs=['{ "legalEntity": "USMF", "businessUnit": "USMF" }']))])

# DIPV2301/DIPV2302: dual-write's run limits on linked legal entities (40 for initial sync, 250 for live sync), from
# "System requirements for dual-write" (MicrosoftDocs/dynamics-365-unified-operations-public,
# articles/fin-ops-core/dev-itpro/data-entities/dual-write/dual-write-system-req.md, commit 1614f6ef2f87). The legal
# entity codes are made up (LE01...); with no metadata fixture, DIPV1008 has no list to check them against.
def legal_entities(count, marked=None):
    out = []
    for i in range(1, count + 1):
        code = S("LE%03d" % i)
        out.append('{ "legalEntity": %s, "businessUnit": %s }' % (('{|%s:%s|}' % (marked[1], code)) if marked and i == marked[0] else code, S("BU%03d" % i)))
    return out
case("DIPV2301", "FortyOneLegalEntities",
     [("case/connection-set.json", cs(name="Contoso", orgs=legal_entities(41, (41, "DIPV2301"))))],
     "Connection set 'Contoso' links 41 legal entities, but dual-write's initial sync supports at most 40; 'LE041' is the first over the limit.",
     [("case/connection-set.json", cs(name="Contoso", orgs=legal_entities(40)))], fixture="none")
case("DIPV2302", "TwoHundredFiftyOneLegalEntities",
     [("case/connection-set.json", cs(name="Contoso", orgs=legal_entities(251, (251, "DIPV2302"))))],
     "Connection set 'Contoso' links 251 legal entities, but dual-write's live sync supports at most 250; 'LE251' is the first over the limit.",
     [("case/connection-set.json", cs(name="Contoso", orgs=legal_entities(40)))], fixture="none")  # 41 to 250 are DIPV2301's

def strip(markup):
    out=[]; i=0
    while i < len(markup):
        if markup.startswith('{|', i):
            j = markup.index(':', i); i = j+1
        elif markup.startswith('|}', i):
            i += 2
        else:
            out.append(markup[i]); i += 1
    return ''.join(out)

def cs_literal(s):
    return '"""\n' + '\n'.join(('            ' + l) if l else '' for l in s.rstrip('\n').split('\n')) + '\n            """'

FIX = {"full": "Verify", "metadata": "VerifyWithMetadataOnly", "none": "VerifyWithoutFixture"}
repo = sys.argv[1]
rules_dir = os.path.join(repo, "tests/MapLint.Core.Tests/Rules")
os.makedirs(rules_dir, exist_ok=True)
broken = os.path.join(repo, "examples/broken")
fixture_src = open(os.path.join(repo, "tests/MapLint.Core.Tests/Infrastructure/Fixture.cs")).read()
def fixture_json(name):
    m = re.search(r'public const string ' + name + r' = """\n(.*?)\n        """;', fixture_src, re.S)
    return '\n'.join(l[8:] for l in m.group(1).split('\n')) + '\n'
fixture_files = {"metadata-finance-and-operations.json": fixture_json("FinanceAndOperationsMetadata"), "metadata-dataverse.json": fixture_json("DataverseMetadata"), "connection-set.json": fixture_json("ConnectionSet"), "customer-groups-map.json": fixture_json("CustomerGroupsMap")}
for id, c in sorted(CASES.items()):
    def docs(ds):
        return ',\n'.join('            ("%s", %s)' % (p, cs_literal(t)) for p, t in ds)
    code = f'''using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of {id}; the rule's page is docs/rules/{id}.md and its broken example examples/broken/{id}/.</summary>
public class {id}Tests
{{
    [Fact]
    public void Fires_{c["title"]}()
    {{
        var diagnostics = RuleVerifier.{FIX[c["fixture"]]}(
{docs(c["fires"])});

        var fired = diagnostics.Where(d => d.Id == "{id}").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains({json.dumps(c["message"])}, fired[0].Message, StringComparison.Ordinal);
    }}

    [Fact]
    public void Silent_{c["title"]}_Fixed() =>
        RuleVerifier.{FIX[c["fixture"]]}(
{docs(c["silent"])});
}}
'''
    open(os.path.join(rules_dir, id + "Tests.cs"), "w").write(code)
    folder = os.path.join(broken, id)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    files = {}
    if c["fixture"] in ("full", "metadata"):
        for n, t in fixture_files.items():
            if c["fixture"] == "metadata" and n in ("connection-set.json", "customer-groups-map.json"): continue
            files[n] = t
    for p, t in c["fires"]:
        n = os.path.basename(p)
        if n in files: n = "case-" + n
        files[n] = strip(t)
    for n, t in files.items():
        open(os.path.join(folder, n), "w").write(t)
print(len(CASES), "cases")
