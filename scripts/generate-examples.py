#!/usr/bin/env python3
"""Writes examples/maps/*.json and examples/metadata/*.json from one table, so keys, lookups, types and
required flags agree between the maps and the metadata. Names, tables and lookups follow Microsoft's published
dual-write templates. Run from the repository root; review the result with `git diff`."""
import json, os

FO, DV = "financeAndOperations", "dataverse"

# (fo field, dv field, type, options): type is s<len> | int | d<places> | m<places> | dt
# options: req (required on both sides), dir (map type), lookup=<dataverse table>, vm=<value map pairs>
def F(fo, dv, t, **o): return (fo, dv, t, o)

MAPS = [
    ("legal-entities", "Legal entities (cdm_companies)", "LegalEntities", "cdm_company", "global",
     [F("LEGALENTITYID", "cdm_companycode", "s4", req=1), F("NAME", "cdm_name", "s60", req=1)]),
    ("currencies", "Currencies (transactioncurrencies)", "Currencies", "transactioncurrency", "global",
     [F("CURRENCYCODE", "isocurrencycode", "s3", req=1), F("NAME", "currencyname", "s100"), F("SYMBOL", "currencysymbol", "s5")]),
    ("exchange-rates", "CDS Exchange Rates (msdyn_currencyexchangerates)", "ExchangeRates", "msdyn_currencyexchangerate", "global",
     [F("RATEID", "msdyn_name", "s40", req=1), F("FROMCURRENCY", "msdyn_fromcurrency.isocurrencycode", "s3", lookup="transactioncurrency"),
      F("TOCURRENCY", "msdyn_tocurrency.isocurrencycode", "s3", lookup="transactioncurrency"), F("RATE", "msdyn_rate", "d6", dir=">")]),
    ("units", "Units (uoms)", "Units", "uom", "global",
     [F("SYMBOL", "msdyn_symbol", "s10", req=1), F("DESCRIPTION", "name", "s100", req=1)]),
    ("unit-conversions", "Unit conversions (msdyn_unitofmeasureconversions)", "UnitConversions", "msdyn_unitofmeasureconversion", "global",
     [F("CONVERSIONID", "msdyn_name", "s40", req=1), F("FROMUNITSYMBOL", "msdyn_fromunit.msdyn_symbol", "s10", lookup="uom"),
      F("TOUNITSYMBOL", "msdyn_tounit.msdyn_symbol", "s10", lookup="uom"), F("FACTOR", "msdyn_factor", "d6")]),
    ("payment-terms", "Terms of payment (msdyn_paymentterms)", "PaymentTerms", "msdyn_paymentterm", "company",
     [F("NAME", "msdyn_name", "s10", req=1), F("DESCRIPTION", "msdyn_description", "s60"), F("NUMBEROFDAYS", "msdyn_numberofdays", "int")]),
    ("terms-of-delivery", "Terms of delivery (msdyn_termsofdeliveries)", "DeliveryTerms", "msdyn_termsofdelivery", "company",
     [F("TERMSCODE", "msdyn_name", "s10", req=1), F("DESCRIPTION", "msdyn_description", "s60")]),
    ("modes-of-delivery", "Modes of delivery (msdyn_shipvias)", "DeliveryModes", "msdyn_shipvia", "company",
     [F("MODECODE", "msdyn_name", "s10", req=1), F("DESCRIPTION", "msdyn_description", "s60")]),
    ("customer-payment-methods", "Customer payment method (msdyn_customerpaymentmethods)", "CustomerPaymentMethods", "msdyn_customerpaymentmethod", "company",
     [F("NAME", "msdyn_name", "s10", req=1), F("DESCRIPTION", "msdyn_description", "s60")]),
    ("vendor-payment-methods", "Vendor payment method (msdyn_vendorpaymentmethods)", "VendorPaymentMethods", "msdyn_vendorpaymentmethod", "company",
     [F("NAME", "msdyn_name", "s10", req=1), F("DESCRIPTION", "msdyn_description", "s60")]),
    ("sales-tax-groups", "Sales tax groups (msdyn_taxgroups)", "SalesTaxGroups", "msdyn_taxgroup", "company",
     [F("TAXGROUPCODE", "msdyn_taxgroup", "s10", req=1), F("DESCRIPTION", "msdyn_description", "s60")]),
    ("sales-tax-codes", "Sales tax codes (msdyn_taxcodes)", "SalesTaxCodes", "msdyn_taxcode", "company",
     [F("TAXCODE", "msdyn_name", "s10", req=1), F("DESCRIPTION", "msdyn_description", "s60")]),
    ("customer-groups", "Customer groups (msdyn_customergroups)", "CustomerGroups", "msdyn_customergroup", "company",
     [F("CUSTOMERGROUPID", "msdyn_groupid", "s10", req=1), F("DESCRIPTION", "msdyn_description", "s60"),
      F("PAYMENTTERMID", "msdyn_paymenttermid.msdyn_name", "s10", lookup="msdyn_paymentterm")]),
    ("vendor-groups", "Vendor groups (msdyn_vendorgroups)", "VendorGroups", "msdyn_vendorgroup", "company",
     [F("VENDORGROUPID", "msdyn_vendorgroup", "s10", req=1), F("DESCRIPTION", "msdyn_description", "s60")]),
    ("customer-price-groups", "Customer price groups (pricelevels)", "CustomerPriceGroups", "pricelevel", "company",
     [F("PRICEGROUPID", "name", "s10", req=1), F("CURRENCYCODE", "transactioncurrencyid.isocurrencycode", "s3", lookup="transactioncurrency")]),
    ("sites", "Sites (msdyn_operationalsites)", "OperationalSites", "msdyn_operationalsite", "company",
     [F("SITEID", "msdyn_siteid", "s10", req=1), F("SITENAME", "msdyn_name", "s60")]),
    ("warehouses", "Warehouses (msdyn_warehouses)", "Warehouses", "msdyn_warehouse", "company",
     [F("WAREHOUSEID", "msdyn_warehouseidentifier", "s10", req=1), F("WAREHOUSENAME", "msdyn_name", "s60"),
      F("OPERATIONALSITEID", "msdyn_operationalsite.msdyn_siteid", "s10", lookup="msdyn_operationalsite")]),
    ("products", "All products (msdyn_globalproducts)", "AllProducts", "msdyn_globalproduct", "global",
     [F("PRODUCTNUMBER", "msdyn_productnumber", "s20", req=1), F("PRODUCTNAME", "msdyn_productname", "s60"),
      F("INVENTORYUNITSYMBOL", "msdyn_inventoryunit.msdyn_symbol", "s10", lookup="uom")]),
    ("workers", "Workers (cdm_workers)", "Workers", "cdm_worker", "global",
     [F("PERSONNELNUMBER", "cdm_workernumber", "s25", req=1), F("NAME", "cdm_fullname", "s100")]),
    ("customers", "Customers V3 (accounts)", "CustomersV3", "account", "company",
     [F("CUSTOMERACCOUNT", "accountnumber", "s20", req=1), F("ORGANIZATIONNAME", "name", "s100", req=1),
      F("CUSTOMERGROUPID", "msdyn_customergroupid.msdyn_groupid", "s10", req=1, lookup="msdyn_customergroup"),
      F("SALESCURRENCYCODE", "transactioncurrencyid.isocurrencycode", "s3", lookup="transactioncurrency"),
      F("PAYMENTTERMS", "msdyn_paymentterm.msdyn_name", "s10", lookup="msdyn_paymentterm"),
      F("PAYMENTMETHOD", "msdyn_customerpaymentmethod.msdyn_name", "s10", lookup="msdyn_customerpaymentmethod"),
      F("SALESTAXGROUP", "msdyn_salestaxgroup.msdyn_taxgroup", "s10", lookup="msdyn_taxgroup"),
      F("DELIVERYMODE", "msdyn_shipvia.msdyn_name", "s10", lookup="msdyn_shipvia"),
      F("PRICECUSTOMERGROUPCODE", "defaultpricelevelid.name", "s10", lookup="pricelevel"),
      F("INVOICEACCOUNT", "msdyn_billingaccount.accountnumber", "s20", lookup="account"),
      F("PRIMARYCONTACTPERSONID", "primarycontactid.msdyn_contactpersonid", "s20", lookup="contact"),
      F("CREDITLIMIT", "creditlimit", "m2"),
      F("PARTYTYPE", "msdyn_partytype", "choice", dir="><", vm=[("None", 192350000), ("Person", 192350001), ("Organization", 192350002)])],
     '((PARTYTYPE == PartyType::Organization) || (PARTYTYPE == PartyType::Person))', "statecode eq 0"),
    ("contacts", "CDS Contacts V2 (contacts)", "CDSContactsV2", "contact", "company",
     [F("CONTACTPERSONID", "msdyn_contactpersonid", "s20", req=1), F("FIRSTNAME", "firstname", "s50"), F("LASTNAME", "lastname", "s50", req=1),
      F("CUSTOMERACCOUNTNUMBER", "parentcustomerid.accountnumber", "s20", lookup="account")]),
    ("vendors", "Vendors V2 (msdyn_vendors)", "VendorsV2", "msdyn_vendor", "company",
     [F("VENDORACCOUNTNUMBER", "msdyn_vendoraccountnumber", "s20", req=1), F("VENDORORGANIZATIONNAME", "msdyn_vendorname", "s100", req=1),
      F("VENDORGROUPID", "msdyn_vendorgroupid.msdyn_vendorgroup", "s10", req=1, lookup="msdyn_vendorgroup"),
      F("CURRENCYCODE", "msdyn_currencycode.isocurrencycode", "s3", lookup="transactioncurrency"),
      F("PAYMENTTERMSNAME", "msdyn_paymentterms.msdyn_name", "s10", lookup="msdyn_paymentterm"),
      F("PAYMENTMETHOD", "msdyn_vendorpaymentmethod.msdyn_name", "s10", lookup="msdyn_vendorpaymentmethod"),
      F("SALESTAXGROUP", "msdyn_salestaxgroup.msdyn_taxgroup", "s10", lookup="msdyn_taxgroup"),
      F("INVOICEVENDORACCOUNTNUMBER", "msdyn_invoicevendoraccountnumber.msdyn_vendoraccountnumber", "s20", lookup="msdyn_vendor"),
      F("ONHOLDSTATUS", "msdyn_onholdstatus", "choice", dir="><", vm=[(v, 192350000 + i) for i, v in enumerate(["No", "Invoice", "All", "Payment", "Requisition", "Never"])])]),
    ("sales-order-headers", "Sales order headers V2 (salesorders)", "SalesOrderHeadersV2", "salesorder", "company",
     [F("SALESORDERNUMBER", "msdyn_salesordernumber", "s20", req=1),
      F("ORDERINGCUSTOMERACCOUNTNUMBER", "customerid.accountnumber", "s20", lookup="account"),
      F("CURRENCYCODE", "transactioncurrencyid.isocurrencycode", "s3", lookup="transactioncurrency"),
      F("PAYMENTTERMSNAME", "msdyn_paymentterm.msdyn_name", "s10", lookup="msdyn_paymentterm"),
      F("DELIVERYMODECODE", "msdyn_shipvia.msdyn_name", "s10", lookup="msdyn_shipvia"),
      F("DELIVERYTERMSCODE", "msdyn_termsofdelivery.msdyn_name", "s10", lookup="msdyn_termsofdelivery"),
      F("DEFAULTSHIPPINGWAREHOUSEID", "msdyn_warehouse.msdyn_warehouseidentifier", "s10", lookup="msdyn_warehouse"),
      F("PRICECUSTOMERGROUPCODE", "pricelevelid.name", "s10", lookup="pricelevel")]),
    ("sales-order-lines", "Sales order lines V2 (salesorderdetails)", "SalesOrderLinesV2", "salesorderdetail", "company",
     [F("INVENTORYLOTID", "msdyn_inventorylotid", "s40", req=1),
      F("SALESORDERNUMBER", "salesorderid.msdyn_salesordernumber", "s20", lookup="salesorder"),
      F("ITEMNUMBER", "productid.msdyn_productnumber", "s20", lookup="msdyn_globalproduct"),
      F("SALESUNITSYMBOL", "uomid.msdyn_symbol", "s10", lookup="uom"),
      F("SHIPPINGWAREHOUSEID", "msdyn_shippingwarehouse.msdyn_warehouseidentifier", "s10", lookup="msdyn_warehouse"),
      F("ORDEREDSALESQUANTITY", "quantity", "d2")]),
    ("sales-quotation-headers", "Sales quotation headers (quotes)", "SalesQuotationHeaders", "quote", "company",
     [F("SALESQUOTATIONNUMBER", "msdyn_quotenumber", "s20", req=1),
      F("QUOTATIONCUSTOMERACCOUNT", "customerid.accountnumber", "s20", lookup="account"),
      F("CURRENCYCODE", "transactioncurrencyid.isocurrencycode", "s3", lookup="transactioncurrency")]),
    ("sales-quotation-lines", "Sales quotation lines (quotedetails)", "SalesQuotationLines", "quotedetail", "company",
     [F("INVENTORYLOTID", "msdyn_inventorylotid", "s40", req=1),
      F("SALESQUOTATIONNUMBER", "quoteid.msdyn_quotenumber", "s20", lookup="quote"),
      F("ITEMNUMBER", "productid.msdyn_productnumber", "s20", lookup="msdyn_globalproduct"),
      F("SALESUNITSYMBOL", "uomid.msdyn_symbol", "s10", lookup="uom")]),
]

# Fields that exist but are not mapped, so rules and filters have something real to look at.
EXTRA_FO = {"CustomersV3": {"ADDRESSDESCRIPTION": {"type": "string", "maxLength": 60, "virtual": True}},
            "Currencies": {"ROUNDINGPRECISION": {"type": "decimal", "precision": 2}}}
EXTRA_DV = {"account": {"statecode": {"type": "optionSet", "values": [0, 1], "readOnly": True}},
            "transactioncurrency": {"exchangerate": {"type": "decimal", "precision": 10, "readOnly": True}}}

def field_type(t, side, o):
    if t.startswith("s"): return {"type": "string", "maxLength": int(t[1:])}
    if t == "int": return {"type": "integer"}
    if t.startswith("d"): return {"type": "decimal", "precision": int(t[1:])}
    if t.startswith("m"): return {"type": "money", "precision": int(t[1:])}
    if t == "choice":
        values = [p[0] for p in o["vm"]] if side == "fo" else [p[1] for p in o["vm"]]
        return {"type": "enum" if side == "fo" else "optionSet", "values": values}
    raise ValueError(t)

fo_entities, dv_entities = {}, {}
for file, name, fo, dv, scope, fields, *filters in MAPS:
    fe = {"companyScope": scope, "fields": {}}
    de = {"companyScope": scope, "keys": [[fields[0][1]] + (["msdyn_company"] if scope == "company" else [])], "fields": {}}
    if scope == "company":
        fe["fields"]["dataAreaId"] = {"type": "string", "maxLength": 4}
        de["fields"]["msdyn_company"] = {"type": "lookup", "target": "cdm_company"}
    for f, d, t, o in fields:
        ft = field_type(t, "fo", o)
        if o.get("req"): ft["required"] = True
        fe["fields"][f] = ft
        if "lookup" in o:
            dt = {"type": "lookup", "target": o["lookup"]}
        else:
            dt = field_type(t, "dv", o)
        if o.get("req"): dt["required"] = True
        de["fields"][d.split(".")[0]] = dt
    fe["fields"].update(EXTRA_FO.get(fo, {}))
    de["fields"].update(EXTRA_DV.get(dv, {}))
    fo_entities[fo] = fe
    dv_entities[dv] = de

def metadata(name, app, orgs_key, orgs, entities):
    lines = ['{', '  "$schema": "../../schemas/entityMetadata.schema.json",', '  "kind": "entityMetadata",',
             f'  "name": {json.dumps(name)},', f'  "app": "{app}",', f'  "{orgs_key}": {json.dumps(orgs)},', '  "entities": {']
    items = []
    for entity, e in entities.items():
        body = [f'    {json.dumps(entity)}: {{', f'      "companyScope": "{e["companyScope"]}",']
        if "keys" in e: body.append(f'      "keys": {json.dumps(e["keys"])},')
        body.append('      "fields": {')
        body.append(',\n'.join(f'        {json.dumps(k)}: {json.dumps(v)}' for k, v in e["fields"].items()))
        body += ['      }', '    }']
        items.append('\n'.join(body))
    lines.append(',\n'.join(items))
    lines += ['  }', '}']
    return '\n'.join(lines) + '\n'

os.makedirs("examples/maps", exist_ok=True)
os.makedirs("examples/metadata", exist_ok=True)
for old in os.listdir("examples/maps"):
    os.remove(os.path.join("examples/maps", old))
for file, name, fo, dv, scope, fields, *filters in MAPS:
    src = {"app": FO, "entity": fo}
    dst = {"app": DV, "entity": dv}
    if filters:
        src["filter"], dst["filter"] = filters
    mappings = []
    for f, d, t, o in fields:
        m = {"source": f, "direction": o.get("dir", "="), "destination": d}
        if "vm" in o:
            m["transform"] = {"valueMap": [{"source": a, "destination": b} for a, b in o["vm"]]}
        mappings.append("    " + json.dumps(m))
    head = {"$schema": "../../schemas/tableMap.schema.json", "kind": "tableMap", "name": name, "source": src, "destination": dst}
    text = json.dumps(head, indent=2)[:-2] + ',\n  "mappings": [\n' + ',\n'.join(mappings) + '\n  ]\n}\n'
    open(f"examples/maps/{file}.json", "w").write(text)
open("examples/metadata/finance-and-operations.json", "w").write(metadata("Contoso finance and operations", FO, "legalEntities", ["USMF", "DEMF", "USRT"], fo_entities))
open("examples/metadata/dataverse.json", "w").write(metadata("Contoso Dataverse", DV, "businessUnits", ["USMF", "DEMF", "USRT"], dv_entities))
print(len(MAPS), "maps")

# The same maps as the service stores them (examples/service/): a Web API export, an unpacked solution, a project
# document and a connection set.
exec(open("scripts/generate-service-examples.py").read())
