/**
 * Payloads in the shape real GeoReport v2 endpoints send, hand-written after the spec's examples and
 * the quirks seen in the wild: XML with a single element where a list is expected, JSON without the
 * optional fields, numbers where strings belong, leading zeros, offsets without a colon, tokens.
 */

/** A service list with a single <service>: naive XML→JSON turns it into an object, not a list. */
export const servicesSingleXml = `
<services>
  <service>
    <service_code>001</service_code>
    <service_name>Cans left out 24x7</service_name>
    <description>Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.</description>
    <metadata>true</metadata>
    <type>realtime</type>
    <keywords>lorem, ipsum, dolor</keywords>
    <group>sanitation</group>
  </service>
</services>`;

/** A JSON list where optional fields are missing or null and codes need escaping. */
export const servicesJson = `[
  {"service_code":"DMV66","service_name":"Abandoned vehicle","description":null,"metadata":true,"type":"realtime","keywords":null,"group":"street"},
  {"service_code":"Pothole Repair","service_name":"坑洼路面","metadata":false},
  {"service_code":4,"service_name":"Tree trimming","metadata":false,"type":"batch","group":"parks"},
  {"service_code":"hotline-only","service_name":"Hotline only","metadata":false,"type":"blackbox"},
  {"service_code":006,"service_name":"Sidewalk and Curb Issues","metadata":false,"type":"realtime"}
]`;

/** A definition with every datatype, including Linli's boolean list, a note and SeeClickFix's boolean. */
export const definitionAllTypesXml = `
<service_definition>
  <service_code>001</service_code>
  <attributes>
    <attribute>
      <variable>false</variable>
      <code>INFO</code>
      <datatype>string</datatype>
      <required>false</required>
      <datatype_description></datatype_description>
      <order>0</order>
      <description>Cans must be off the curb by 8pm.</description>
    </attribute>
    <attribute>
      <variable>true</variable>
      <code>WHERE</code>
      <datatype>string</datatype>
      <required>true</required>
      <datatype_description/>
      <order>1</order>
      <description>Where exactly?</description>
    </attribute>
    <attribute>
      <variable>true</variable>
      <code>COUNT</code>
      <datatype>number</datatype>
      <required>false</required>
      <order>2</order>
      <description>How many cans?</description>
    </attribute>
    <attribute>
      <variable>true</variable>
      <code>SEEN</code>
      <datatype>datetime</datatype>
      <required>false</required>
      <order>3</order>
      <description>When did you see them?</description>
    </attribute>
    <attribute>
      <variable>true</variable>
      <code>NOTES</code>
      <datatype>text</datatype>
      <required>false</required>
      <order>4</order>
      <description>Anything else</description>
    </attribute>
    <attribute>
      <variable>true</variable>
      <code>KIND</code>
      <datatype>singlevaluelist</datatype>
      <required>true</required>
      <order>5</order>
      <description>Kind of can</description>
      <values>
        <value>
          <key>007</key>
          <name>Recycling</name>
        </value>
      </values>
    </attribute>
    <attribute>
      <variable>true</variable>
      <code>COLOURS</code>
      <datatype>multivaluelist</datatype>
      <required>false</required>
      <order>6</order>
      <description>Colours</description>
      <values>
        <value><key>blue</key><name>Blue</name></value>
        <value><key>green</key><name>Green</name></value>
      </values>
    </attribute>
    <attribute>
      <variable>true</variable>
      <code>BLOCKING</code>
      <datatype>singlevaluelist</datatype>
      <required>false</required>
      <order>7</order>
      <description>Blocking the sidewalk?</description>
      <values>
        <value><key>true</key><name>Yes</name></value>
        <value><key>false</key><name>No</name></value>
      </values>
    </attribute>
    <attribute>
      <variable>true</variable>
      <code>HOW_LONG</code>
      <datatype>singlevaluelist</datatype>
      <required>true</required>
      <order>8</order>
      <description>For how long?</description>
      <values>
        <value><key>day</key><name>A day</name></value>
        <value><key>week</key><name>A week</name></value>
      </values>
      <show_if>
        <attribute_code>BLOCKING</attribute_code>
        <equals>true</equals>
      </show_if>
    </attribute>
    <attribute>
      <variable>true</variable>
      <code>owner known</code>
      <datatype>boolean</datatype>
      <required>false</required>
      <order>9</order>
      <description>Do you know the owner?</description>
    </attribute>
  </attributes>
</service_definition>`;

/** The spec's JSON definition example, values keyed by numbers. */
export const definitionDmvJson = `{
  "service_code":"DMV66",
  "attributes":[
    {"variable":true,"code":"WHISHETN","datatype":"singlevaluelist","required":true,"datatype_description":null,"order":1,"description":"What is the ticket/tag/DL number?",
     "values":[{"key":123,"name":"Ford"},{"key":124,"name":"Chrysler"}]}
  ]
}`;

/** One request, XML, with a date offset written without a colon and an empty element. */
export const requestSingleXml = `
<service_requests>
  <request>
    <service_request_id>638344</service_request_id>
    <status>closed</status>
    <status_notes>Duplicate request.</status_notes>
    <service_name>Sidewalk and Curb Issues</service_name>
    <service_code>006</service_code>
    <description></description>
    <agency_responsible>Public Works</agency_responsible>
    <service_notice></service_notice>
    <requested_datetime>2010-04-14T06:37:38-0800</requested_datetime>
    <updated_datetime>2010-04-15T06:37:38-08:00</updated_datetime>
    <expected_datetime>2010-04-15T06:37:38-08:00</expected_datetime>
    <address>8TH AVE and JUDAH ST</address>
    <address_id>545483</address_id>
    <zipcode>94122</zipcode>
    <lat>37.762221815</lat>
    <long>-122.4651145</long>
    <media_url>http://city.gov.s3.amazonaws.com/requests/media/638344.jpg </media_url>
  </request>
</service_requests>`;

/** Several requests, XML. */
export const requestsSeveralXml = `
<service_requests>
  <request>
    <service_request_id>638344</service_request_id>
    <status>open</status>
    <service_code>006</service_code>
    <requested_datetime>2010-04-14T06:37:38Z</requested_datetime>
    <lat>37.76</lat>
    <long>-122.46</long>
  </request>
  <request>
    <service_request_id>638349</service_request_id>
    <status>closed</status>
    <service_code>006</service_code>
    <requested_datetime>2010-04-19T06:37:38Z</requested_datetime>
    <address_id>545483</address_id>
  </request>
</service_requests>`;

/** A request in JSON with only the fields an endpoint must send; the id is a number. */
export const requestMinimalJson = `[{"service_request_id":638350,"status":"open","service_code":"DMV66","requested_datetime":"2010-04-20 09:30:00"}]`;

/** A POST answered with a token instead of an id (a batch service). */
export const tokenResponseJson = `[{"token":"12345","service_notice":"Will be reviewed overnight."}]`;
export const tokenResolvedJson = `[{"service_request_id":638351,"token":12345}]`;
export const tokenPendingJson = `[{"token":"12345"}]`;

export const createdXml = `
<service_requests>
  <request>
    <service_request_id>293944</service_request_id>
    <service_notice>The City will inspect and require the responsible party to correct within 24 hours.</service_notice>
    <account_id/>
  </request>
</service_requests>`;

export const errorsJson = `[{"code":400,"description":"service_code DMV99 not found"},{"code":400,"description":"lat is out of range"}]`;
export const errorsXml = `
<errors>
  <error>
    <code>403</code>
    <description>Invalid api_key received -- can't proceed with create_request.</description>
  </error>
</errors>`;

export const discoveryJson = {
  changeset: '2011-04-05T17:48:34Z',
  contact: 'You can email or call for assistance api@mycity.org +1 (555) 555-5555',
  key_service: 'You can request a key here: http://api.mycity.gov/api_key/request',
  endpoints: [
    { specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://open311.mycity.gov/test/v2', changeset: '2011-04-20T17:48:34Z', type: 'test', formats: ['text/xml', 'application/json'] },
    { specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://open311.mycity.gov/v2/', changeset: '2011-04-20T17:48:34Z', type: 'production', formats: ['text/xml', 'application/json'] },
  ],
};

export const discoveryXmlOnly = `
<discovery>
  <changeset>2011-04-05T17:48:34Z</changeset>
  <contact>api@mycity.org</contact>
  <key_service>http://api.mycity.gov/api_key/request</key_service>
  <endpoints>
    <endpoint>
      <specification>http://wiki.open311.org/GeoReport_v2</specification>
      <url>http://open311.mycity.gov/v2</url>
      <changeset>2011-04-20T17:48:34Z</changeset>
      <type>production</type>
      <formats>
        <format>text/xml</format>
      </formats>
    </endpoint>
  </endpoints>
</discovery>`;
