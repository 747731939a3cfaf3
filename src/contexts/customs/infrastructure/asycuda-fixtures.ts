/**
 * Test data of the ASYCUDA exchange: one declaration, and an AW-shaped SAD document as an AW
 * neighbour exports it (segments and element order of real AW exports, AW's `<null/>` markers,
 * pretty-printed multi-line traders), filled with data of a Kazakh export to Tajikistan.
 */
import type { DeclarationData } from '../domain/declaration.ts';

export const sampleDeclaration = (over: Partial<DeclarationData> = {}): DeclarationData => ({
  direction: 'import',
  regime: 'release_for_free_circulation',
  officeCode: 'DUSHANBE',
  declarantCode: '010000101',
  consignor: { name: 'ТОО «Алмаз & Ко» <Алматы>', country: 'KZ', address: 'Алматы, пр. Абая 10' },
  consignee: { name: 'ҶДММ «Ғалаба»', country: 'TJ', address: 'Душанбе, кӯч. Рӯдакӣ 5', tin: '010000101' },
  transport: { mode: 'road', vehicles: ['01KZ123AB', '02KZ77'], nationality: 'KZ', borderOfficeCode: 'FOTEHOBOD' },
  countryOfDispatch: 'KZ',
  countryOfDestination: 'TJ',
  currency: 'USD',
  invoiceTotal: '15000.50',
  deliveryTerms: 'FCA Almaty',
  storageNumber: 'TS-2026-000123',
  valuation: { method: 1, transportCost: '800', insuranceCost: '0', otherCosts: '12.5' },
  items: [
    {
      number: 1,
      commodityCode: '8703231940',
      description: 'Мошинҳои сабукрав "Тойота" \'Камри\'',
      originCountry: 'JP',
      grossMassKg: '1500.5',
      netMassKg: '1450',
      supplementaryQuantity: '1',
      packages: 1,
      packageKind: 'NE',
      invoiceAmount: '14000.50',
    },
    {
      number: 2,
      commodityCode: '4011100009',
      description: 'Шинаҳо',
      originCountry: 'CN',
      grossMassKg: '80.125',
      netMassKg: '78',
      packages: 4,
      packageKind: 'PK',
      invoiceAmount: '1000',
    },
  ],
  documents: [
    { typeCode: '380', number: 'INV-77/2026', date: '2026-02-27', issuer: '' },
    { typeCode: '861', number: 'CT-1 № 123', date: '2026-02-25', issuer: '', items: [1] },
  ],
  ...over,
});

/** An AW export of the same kind of declaration, with the segments and elements we do not share. */
export const AW_SAMPLE = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<ASYCUDA>
    <Export_release>
        <Date_of_exit/>
        <Actual_office_of_exit_code>
            <null/>
        </Actual_office_of_exit_code>
    </Export_release>
    <Assessment_notice>
        <Item_tax_total/>
    </Assessment_notice>
    <Global_taxes>
        <Global_tax_item/>
        <Global_tax_item/>
    </Global_taxes>
    <Property>
        <Sad_flow>I</Sad_flow>
        <Forms>
            <Number_of_the_form>1</Number_of_the_form>
            <Total_number_of_forms>1</Total_number_of_forms>
        </Forms>
        <Nbers>
            <Number_of_loading_lists/>
            <Total_number_of_items>1</Total_number_of_items>
            <Total_number_of_packages>3</Total_number_of_packages>
        </Nbers>
        <Place_of_declaration>
            <null/>
        </Place_of_declaration>
        <Date_of_declaration/>
        <Selected_page>1</Selected_page>
    </Property>
    <Identification>
        <Office_segment>
            <Customs_clearance_office_code>KHUJAND
            </Customs_clearance_office_code>
            <Customs_Clearance_office_name>Хуҷанд</Customs_Clearance_office_name>
        </Office_segment>
        <Type>
            <Type_of_declaration>IM</Type_of_declaration>
            <Declaration_gen_procedure_code>4</Declaration_gen_procedure_code>
            <Type_of_transit_document>
                <null/>
            </Type_of_transit_document>
        </Type>
        <Manifest_reference_number>
            <null/>
        </Manifest_reference_number>
        <Registration>
            <Serial_number>
                <null/>
            </Serial_number>
            <Number/>
            <Date/>
        </Registration>
    </Identification>
    <Traders>
        <Exporter>
            <Exporter_code/>
            <Exporter_name>ТОО КАЗ-ТЕКСТИЛЬ
                ул. Толе би 55
                АЛМАТЫ
                КАЗАХСТАН
            </Exporter_name>
        </Exporter>
        <Consignee>
            <Consignee_code>020000202</Consignee_code>
            <Consignee_name>ҶДММ «Нассоҷ»
                кӯч. Ленин 12
                ХУҶАНД
            </Consignee_name>
        </Consignee>
        <Financial>
            <Financial_code/>
            <Financial_name/>
        </Financial>
    </Traders>
    <Declarant>
        <Declarant_code>020000202</Declarant_code>
        <Declarant_name>ҶДММ «Нассоҷ»</Declarant_name>
        <Declarant_representative>Раҳимов А.</Declarant_representative>
        <Reference>
            <Number>
                <null/>
            </Number>
        </Reference>
    </Declarant>
    <General_information>
        <Country>
            <Country_first_destination>UZ</Country_first_destination>
            <Trading_country>KZ</Trading_country>
            <Export>
                <Export_country_code>KZ</Export_country_code>
                <Export_country_name>Казахстан</Export_country_name>
                <Export_country_region/>
            </Export>
            <Destination>
                <Destination_country_code>TJ</Destination_country_code>
                <Destination_country_name>Тоҷикистон</Destination_country_name>
                <Destination_country_region/>
            </Destination>
            <Country_of_origin_name>Казахстан</Country_of_origin_name>
        </Country>
        <Value_details>0.0</Value_details>
        <CAP/>
    </General_information>
    <Transport>
        <Means_of_transport>
            <Departure_arrival_information>
                <Identity>01KZ555 / 02KZ66</Identity>
                <Nationality>KZ</Nationality>
            </Departure_arrival_information>
            <Border_information>
                <Identity>01KZ555 / 02KZ66</Identity>
                <Nationality>KZ</Nationality>
                <Mode>31</Mode>
            </Border_information>
            <Inland_mode_of_transport>31</Inland_mode_of_transport>
        </Means_of_transport>
        <Container_flag>false</Container_flag>
        <Delivery_terms>
            <Code>DAP</Code>
            <Place>ХУҶАНД</Place>
            <Situation/>
        </Delivery_terms>
        <Border_office>
            <Code>FOTEHOBOD</Code>
            <Name>Фотеҳобод</Name>
        </Border_office>
        <Location_of_goods>
            <null/>
        </Location_of_goods>
    </Transport>
    <Financial>
        <Financial_transaction>
            <code1>1</code1>
            <code2>1</code2>
        </Financial_transaction>
        <Deffered_payment_reference>020000202</Deffered_payment_reference>
    </Financial>
    <Warehouse>
        <Identification/>
        <Delay/>
    </Warehouse>
    <Transit>
        <Seals>
            <Number/>
            <Identity>
                <null/>
            </Identity>
        </Seals>
        <Time_limit/>
    </Transit>
    <Valuation>
        <Calculation_working_mode>2</Calculation_working_mode>
        <Total_cost>0.0</Total_cost>
        <Gs_Invoice>
            <Amount_national_currency>65160.0</Amount_national_currency>
            <Amount_foreign_currency>6516.0</Amount_foreign_currency>
            <Currency_code>USD</Currency_code>
            <Currency_name>Доллари ИМА</Currency_name>
            <Currency_rate>10.0</Currency_rate>
        </Gs_Invoice>
        <Gs_external_freight>
            <Amount_national_currency>0.0</Amount_national_currency>
            <Amount_foreign_currency>0</Amount_foreign_currency>
            <Currency_code/>
            <Currency_rate>0.0</Currency_rate>
        </Gs_external_freight>
        <Gs_internal_freight>
            <Amount_foreign_currency>0</Amount_foreign_currency>
        </Gs_internal_freight>
        <Gs_insurance>
            <Amount_national_currency>0.0</Amount_national_currency>
            <Amount_foreign_currency>0.0</Amount_foreign_currency>
            <Currency_code>
                <null/>
            </Currency_code>
        </Gs_insurance>
        <Gs_other_cost>
            <Amount_foreign_currency>0.0</Amount_foreign_currency>
            <Currency_code>
                <null/>
            </Currency_code>
        </Gs_other_cost>
        <Total>
            <Total_invoice>6516.0</Total_invoice>
            <Total_weight>4110.0</Total_weight>
        </Total>
    </Valuation>
    <Item>
        <Attached_documents>
            <Attached_document_code>380</Attached_document_code>
            <Attached_document_name>Ҳисобнома-фактура</Attached_document_name>
            <Attached_document_reference>NR. 900014575
            </Attached_document_reference>
            <Attached_document_from_rule>1</Attached_document_from_rule>
            <Attached_document_date>8/23/26</Attached_document_date>
        </Attached_documents>
        <Packages>
            <Number_of_packages>3.0</Number_of_packages>
            <Marks1_of_packages>
                <null/>
            </Marks1_of_packages>
            <Kind_of_packages_code>BL</Kind_of_packages_code>
            <Kind_of_packages_name>Тюк</Kind_of_packages_name>
        </Packages>
        <IncoTerms>
            <Code>DAP</Code>
            <Place>ХУҶАНД</Place>
        </IncoTerms>
        <Tarification>
            <Tarification_data>
                <null/>
            </Tarification_data>
            <HScode>
                <Commodity_code>52081100</Commodity_code>
                <Precision_1>00</Precision_1>
                <Precision_2>
                    <null/>
                </Precision_2>
            </HScode>
            <Preference_code>СНГ</Preference_code>
            <Extended_customs_procedure>4000</Extended_customs_procedure>
            <National_customs_procedure>000</National_customs_procedure>
            <Supplementary_unit>
                <Suppplementary_unit_code>MTK</Suppplementary_unit_code>
                <Suppplementary_unit_name>м²</Suppplementary_unit_name>
                <Suppplementary_unit_quantity>5400.0</Suppplementary_unit_quantity>
            </Supplementary_unit>
            <Item_price>6516.0</Item_price>
            <Valuation_method_code>1</Valuation_method_code>
            <Value_item>0+0+0+0-0</Value_item>
        </Tarification>
        <Goods_description>
            <Country_of_origin_code>KZ</Country_of_origin_code>
            <Country_of_origin_region/>
            <Description_of_goods>Матоъҳои пахтагин</Description_of_goods>
            <Commercial_Description>Бязь суровая
                ширина 90 см
            </Commercial_Description>
        </Goods_description>
        <Previous_doc>
            <Summary_declaration>
                <null/>
            </Summary_declaration>
            <Previous_document_reference/>
        </Previous_doc>
        <Licence_number/>
        <Taxation>
            <Item_taxes_amount>11728.8</Item_taxes_amount>
            <Taxation_line>
                <Duty_tax_code>VAT</Duty_tax_code>
                <Duty_tax_rate>18.0</Duty_tax_rate>
                <Duty_tax_amount>11728.8</Duty_tax_amount>
            </Taxation_line>
        </Taxation>
        <Valuation_item>
            <Weight_itm>
                <Gross_weight_itm>4110</Gross_weight_itm>
                <Net_weight_itm>3656.5</Net_weight_itm>
            </Weight_itm>
            <Total_cost_itm>0.0</Total_cost_itm>
            <Statistical_value>65160.0</Statistical_value>
            <Item_Invoice>
                <Amount_national_currency>65160.0</Amount_national_currency>
                <Amount_foreign_currency>6516.0</Amount_foreign_currency>
                <Currency_code>USD</Currency_code>
                <Currency_rate>10.0</Currency_rate>
            </Item_Invoice>
        </Valuation_item>
    </Item>
</ASYCUDA>
`;
