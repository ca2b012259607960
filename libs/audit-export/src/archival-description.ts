import { join } from 'node:path';
import { CSV_SEPARATOR } from './csv';
import { type CsvLayout, readCsvLayout } from './csv-layout';
import type { ManifestFile } from './format';
import { OutputFile } from './output-file';

export const ARCHIVAL_DESCRIPTION_FILE = 'addml.xml';

const xml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const property = (name: string, value: string) =>
  `<property name="${xml(name)}"><value>${xml(value)}</value></property>`;

interface FlatFile extends CsvLayout {
  readonly file: ManifestFile;
  /** The file name without `.csv`: the name of its flatFile and, suffixed, of its definitions. */
  readonly name: string;
}

const flatFile = ({
  file,
  name,
  records,
}: FlatFile) => `      <flatFile name="${xml(name)}" definitionReference="${xml(name)}-definisjon">
        <properties>
          ${property('fileName', file.name)}
          ${property('numberOfRecords', String(records))}
          <property name="checksum"><properties>${property('algorithm', 'SHA256')}${property('value', file.sha256)}</properties></property>
        </properties>
      </flatFile>
`;

const definition = ({
  name,
  fields,
}: FlatFile) => `        <flatFileDefinition name="${xml(name)}-definisjon" typeReference="csv">
          <recordDefinitions>
            <recordDefinition name="${xml(name)}-post">
              <fieldDefinitions>
${fields.map((field) => `                <fieldDefinition name="${xml(field)}" typeReference="tekst"/>\n`).join('')}              </fieldDefinitions>
              <headerLevel>1</headerLevel>
            </recordDefinition>
          </recordDefinitions>
        </flatFileDefinition>
`;

export interface ArchivalFacts {
  readonly origin: string;
  readonly created: string;
}

/**
 * addml.xml, ADDML 8.3 as Arkivverket's profile uses it, so that Arkade can test the export: one dataset,
 * and for every CSV file written so far a flatFile (name, record count, SHA-256), its field definitions
 * from the header row, and one flat file type (UTF-8, CRLF, the CSV separator, `"` quoting). Read from the
 * files as written, so a new CSV is described without a change here.
 */
export const writeArchivalDescription = async (
  staging: string,
  written: readonly ManifestFile[],
  facts: ArchivalFacts,
): Promise<ManifestFile> => {
  const flatFiles: FlatFile[] = [];
  for (const file of written.filter((entry) => entry.name.endsWith('.csv'))) {
    flatFiles.push({
      file,
      name: file.name.slice(0, -4),
      ...(await readCsvLayout(join(staging, file.name))),
    });
  }
  const output = await OutputFile.create(join(staging, ARCHIVAL_DESCRIPTION_FILE));
  try {
    output.write(`<?xml version="1.0" encoding="UTF-8"?>
<addml xmlns="http://www.arkivverket.no/standarder/addml" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.arkivverket.no/standarder/addml http://schema.arkivverket.no/ADDML/v8.3/addml.xsd" name="styring-revisjonsuttrekk">
  <dataset name="styring-revisjonsuttrekk">
    <reference>
      <context>
        <additionalElements>
          <additionalElement name="arkivskaper"><value>${xml(facts.origin)}</value></additionalElement>
          <additionalElement name="uttrekksdato"><value>${xml(facts.created)}</value></additionalElement>
        </additionalElements>
      </context>
    </reference>
    <flatFiles>
${flatFiles.map(flatFile).join('')}      <flatFileDefinitions>
${flatFiles.map(definition).join('')}      </flatFileDefinitions>
      <structureTypes>
        <flatFileTypes>
          <flatFileType name="csv">
            <charset>UTF-8</charset>
            <delimFileFormat>
              <recordSeparator>CRLF</recordSeparator>
              <fieldSeparatingChar>${xml(CSV_SEPARATOR)}</fieldSeparatingChar>
              <quotingChar>&quot;</quotingChar>
            </delimFileFormat>
          </flatFileType>
        </flatFileTypes>
        <fieldTypes>
          <fieldType name="tekst"><dataType>string</dataType></fieldType>
        </fieldTypes>
      </structureTypes>
    </flatFiles>
  </dataset>
</addml>
`);
    return await output.close();
  } catch (error) {
    await output.discard();
    throw error;
  }
};
