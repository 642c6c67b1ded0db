package io.pgasync.internal.codec;

/**
 * The OIDs of PostgreSQL's built-in types and of their array types, as fixed in the server's catalog
 * ({@code src/include/catalog/pg_type.dat}: an entry's {@code oid} and {@code array_type_oid}). Built-in OIDs
 * never change between PostgreSQL versions; types added by later versions are marked with the version.
 *
 * <p>Written by hand from the catalog for now; style guide 2.3 asks for it to be generated from {@code pg_type}.
 */
public final class PgOids {

    private PgOids() {}

    /** No type: "unspecified" in a Parse message, and "no type" in catalog columns. */
    public static final int UNSPECIFIED = 0;

    // Base types, 1 - 99.
    /** {@code bool}. */
    public static final int BOOL = 16;
    /** {@code bytea}. */
    public static final int BYTEA = 17;
    /** {@code "char"}: a single byte. */
    public static final int CHAR = 18;
    /** {@code name}: 63-byte identifier. */
    public static final int NAME = 19;
    /** {@code int8} ({@code bigint}). */
    public static final int INT8 = 20;
    /** {@code int2} ({@code smallint}). */
    public static final int INT2 = 21;
    /** {@code int2vector}. */
    public static final int INT2VECTOR = 22;
    /** {@code int4} ({@code integer}). */
    public static final int INT4 = 23;
    /** {@code regproc}. */
    public static final int REGPROC = 24;
    /** {@code text}. */
    public static final int TEXT = 25;
    /** {@code oid}: unsigned 32-bit. */
    public static final int OID = 26;
    /** {@code tid}. */
    public static final int TID = 27;
    /** {@code xid}. */
    public static final int XID = 28;
    /** {@code cid}. */
    public static final int CID = 29;
    /** {@code oidvector}. */
    public static final int OIDVECTOR = 30;

    // 100 - 199.
    /** {@code json}. */
    public static final int JSON = 114;
    /** {@code xml}. */
    public static final int XML = 142;
    /** {@code pg_node_tree}. */
    public static final int PG_NODE_TREE = 194;

    // Geometric and network types.
    /** {@code point}. */
    public static final int POINT = 600;
    /** {@code lseg}. */
    public static final int LSEG = 601;
    /** {@code path}. */
    public static final int PATH = 602;
    /** {@code box}. */
    public static final int BOX = 603;
    /** {@code polygon}. */
    public static final int POLYGON = 604;
    /** {@code line}. */
    public static final int LINE = 628;
    /** {@code cidr}. */
    public static final int CIDR = 650;
    /** {@code circle}. */
    public static final int CIRCLE = 718;
    /** {@code macaddr8}. */
    public static final int MACADDR8 = 774;
    /** {@code macaddr}. */
    public static final int MACADDR = 829;
    /** {@code inet}. */
    public static final int INET = 869;

    // 700 - 799.
    /** {@code float4} ({@code real}). */
    public static final int FLOAT4 = 700;
    /** {@code float8} ({@code double precision}). */
    public static final int FLOAT8 = 701;
    /** {@code unknown}: the type of an untyped literal. */
    public static final int UNKNOWN = 705;
    /** {@code money}. */
    public static final int MONEY = 790;

    // 1000 - 1799.
    /** {@code aclitem}. */
    public static final int ACLITEM = 1033;
    /** {@code bpchar} ({@code character(n)}). */
    public static final int BPCHAR = 1042;
    /** {@code varchar} ({@code character varying(n)}). */
    public static final int VARCHAR = 1043;
    /** {@code date}. */
    public static final int DATE = 1082;
    /** {@code time} (without time zone). */
    public static final int TIME = 1083;
    /** {@code timestamp} (without time zone). */
    public static final int TIMESTAMP = 1114;
    /** {@code timestamptz} ({@code timestamp with time zone}). */
    public static final int TIMESTAMPTZ = 1184;
    /** {@code interval}. */
    public static final int INTERVAL = 1186;
    /** {@code timetz} ({@code time with time zone}). */
    public static final int TIMETZ = 1266;
    /** {@code bit}. */
    public static final int BIT = 1560;
    /** {@code varbit} ({@code bit varying}). */
    public static final int VARBIT = 1562;
    /** {@code numeric}. */
    public static final int NUMERIC = 1700;
    /** {@code refcursor}. */
    public static final int REFCURSOR = 1790;

    // Registered-object types.
    /** {@code regprocedure}. */
    public static final int REGPROCEDURE = 2202;
    /** {@code regoper}. */
    public static final int REGOPER = 2203;
    /** {@code regoperator}. */
    public static final int REGOPERATOR = 2204;
    /** {@code regclass}. */
    public static final int REGCLASS = 2205;
    /** {@code regtype}. */
    public static final int REGTYPE = 2206;
    /** {@code regconfig}. */
    public static final int REGCONFIG = 3734;
    /** {@code regdictionary}. */
    public static final int REGDICTIONARY = 3769;
    /** {@code regnamespace}. */
    public static final int REGNAMESPACE = 4089;
    /** {@code regrole}. */
    public static final int REGROLE = 4096;
    /** {@code regcollation} (PostgreSQL 13+). */
    public static final int REGCOLLATION = 4191;

    // Pseudo-types.
    /** {@code record}: an anonymous composite (e.g. {@code SELECT ROW(1, 'a')}). */
    public static final int RECORD = 2249;
    /** {@code cstring}. */
    public static final int CSTRING = 2275;
    /** {@code any}. */
    public static final int ANY = 2276;
    /** {@code anyarray}. */
    public static final int ANYARRAY = 2277;
    /** {@code void}: the result type of a function that returns nothing. */
    public static final int VOID = 2278;
    /** {@code trigger}. */
    public static final int TRIGGER = 2279;
    /** {@code anyelement}. */
    public static final int ANYELEMENT = 2283;

    // Other base types.
    /** {@code uuid}. */
    public static final int UUID = 2950;
    /** {@code txid_snapshot}. */
    public static final int TXID_SNAPSHOT = 2970;
    /** {@code pg_lsn}. */
    public static final int PG_LSN = 3220;
    /** {@code tsvector}. */
    public static final int TSVECTOR = 3614;
    /** {@code tsquery}. */
    public static final int TSQUERY = 3615;
    /** {@code jsonb}. */
    public static final int JSONB = 3802;
    /** {@code jsonpath} (PostgreSQL 12+). */
    public static final int JSONPATH = 4072;
    /** {@code pg_snapshot} (PostgreSQL 13+). */
    public static final int PG_SNAPSHOT = 5038;
    /** {@code xid8} (PostgreSQL 13+). */
    public static final int XID8 = 5069;

    // Range and multirange types.
    /** {@code int4range}. */
    public static final int INT4RANGE = 3904;
    /** {@code numrange}. */
    public static final int NUMRANGE = 3906;
    /** {@code tsrange}. */
    public static final int TSRANGE = 3908;
    /** {@code tstzrange}. */
    public static final int TSTZRANGE = 3910;
    /** {@code daterange}. */
    public static final int DATERANGE = 3912;
    /** {@code int8range}. */
    public static final int INT8RANGE = 3926;
    /** {@code int4multirange} (PostgreSQL 14+). */
    public static final int INT4MULTIRANGE = 4451;
    /** {@code nummultirange} (PostgreSQL 14+). */
    public static final int NUMMULTIRANGE = 4532;
    /** {@code tsmultirange} (PostgreSQL 14+). */
    public static final int TSMULTIRANGE = 4533;
    /** {@code tstzmultirange} (PostgreSQL 14+). */
    public static final int TSTZMULTIRANGE = 4534;
    /** {@code datemultirange} (PostgreSQL 14+). */
    public static final int DATEMULTIRANGE = 4535;
    /** {@code int8multirange} (PostgreSQL 14+). */
    public static final int INT8MULTIRANGE = 4536;

    // Array types (the catalog's array_type_oid of each element type above).
    /** {@code bool[]}. */
    public static final int BOOL_ARRAY = 1000;
    /** {@code bytea[]}. */
    public static final int BYTEA_ARRAY = 1001;
    /** {@code "char"[]}. */
    public static final int CHAR_ARRAY = 1002;
    /** {@code name[]}. */
    public static final int NAME_ARRAY = 1003;
    /** {@code int2[]}. */
    public static final int INT2_ARRAY = 1005;
    /** {@code int2vector[]}. */
    public static final int INT2VECTOR_ARRAY = 1006;
    /** {@code int4[]}. */
    public static final int INT4_ARRAY = 1007;
    /** {@code regproc[]}. */
    public static final int REGPROC_ARRAY = 1008;
    /** {@code text[]}. */
    public static final int TEXT_ARRAY = 1009;
    /** {@code tid[]}. */
    public static final int TID_ARRAY = 1010;
    /** {@code xid[]}. */
    public static final int XID_ARRAY = 1011;
    /** {@code cid[]}. */
    public static final int CID_ARRAY = 1012;
    /** {@code oidvector[]}. */
    public static final int OIDVECTOR_ARRAY = 1013;
    /** {@code bpchar[]}. */
    public static final int BPCHAR_ARRAY = 1014;
    /** {@code varchar[]}. */
    public static final int VARCHAR_ARRAY = 1015;
    /** {@code int8[]}. */
    public static final int INT8_ARRAY = 1016;
    /** {@code point[]}. */
    public static final int POINT_ARRAY = 1017;
    /** {@code lseg[]}. */
    public static final int LSEG_ARRAY = 1018;
    /** {@code path[]}. */
    public static final int PATH_ARRAY = 1019;
    /** {@code box[]}. */
    public static final int BOX_ARRAY = 1020;
    /** {@code float4[]}. */
    public static final int FLOAT4_ARRAY = 1021;
    /** {@code float8[]}. */
    public static final int FLOAT8_ARRAY = 1022;
    /** {@code polygon[]}. */
    public static final int POLYGON_ARRAY = 1027;
    /** {@code oid[]}. */
    public static final int OID_ARRAY = 1028;
    /** {@code aclitem[]}. */
    public static final int ACLITEM_ARRAY = 1034;
    /** {@code macaddr[]}. */
    public static final int MACADDR_ARRAY = 1040;
    /** {@code inet[]}. */
    public static final int INET_ARRAY = 1041;
    /** {@code cidr[]}. */
    public static final int CIDR_ARRAY = 651;
    /** {@code macaddr8[]}. */
    public static final int MACADDR8_ARRAY = 775;
    /** {@code line[]}. */
    public static final int LINE_ARRAY = 629;
    /** {@code circle[]}. */
    public static final int CIRCLE_ARRAY = 719;
    /** {@code money[]}. */
    public static final int MONEY_ARRAY = 791;
    /** {@code json[]}. */
    public static final int JSON_ARRAY = 199;
    /** {@code xml[]}. */
    public static final int XML_ARRAY = 143;
    /** {@code cstring[]}. */
    public static final int CSTRING_ARRAY = 1263;
    /** {@code timestamp[]}. */
    public static final int TIMESTAMP_ARRAY = 1115;
    /** {@code date[]}. */
    public static final int DATE_ARRAY = 1182;
    /** {@code time[]}. */
    public static final int TIME_ARRAY = 1183;
    /** {@code timestamptz[]}. */
    public static final int TIMESTAMPTZ_ARRAY = 1185;
    /** {@code interval[]}. */
    public static final int INTERVAL_ARRAY = 1187;
    /** {@code numeric[]}. */
    public static final int NUMERIC_ARRAY = 1231;
    /** {@code timetz[]}. */
    public static final int TIMETZ_ARRAY = 1270;
    /** {@code bit[]}. */
    public static final int BIT_ARRAY = 1561;
    /** {@code varbit[]}. */
    public static final int VARBIT_ARRAY = 1563;
    /** {@code refcursor[]}. */
    public static final int REFCURSOR_ARRAY = 2201;
    /** {@code regprocedure[]}. */
    public static final int REGPROCEDURE_ARRAY = 2207;
    /** {@code regoper[]}. */
    public static final int REGOPER_ARRAY = 2208;
    /** {@code regoperator[]}. */
    public static final int REGOPERATOR_ARRAY = 2209;
    /** {@code regclass[]}. */
    public static final int REGCLASS_ARRAY = 2210;
    /** {@code regtype[]}. */
    public static final int REGTYPE_ARRAY = 2211;
    /** {@code regconfig[]}. */
    public static final int REGCONFIG_ARRAY = 3735;
    /** {@code regdictionary[]}. */
    public static final int REGDICTIONARY_ARRAY = 3770;
    /** {@code regnamespace[]}. */
    public static final int REGNAMESPACE_ARRAY = 4090;
    /** {@code regrole[]}. */
    public static final int REGROLE_ARRAY = 4097;
    /** {@code regcollation[]}. */
    public static final int REGCOLLATION_ARRAY = 4192;
    /** {@code record[]} ({@code _record}). */
    public static final int RECORD_ARRAY = 2287;
    /** {@code uuid[]}. */
    public static final int UUID_ARRAY = 2951;
    /** {@code txid_snapshot[]}. */
    public static final int TXID_SNAPSHOT_ARRAY = 2949;
    /** {@code pg_lsn[]}. */
    public static final int PG_LSN_ARRAY = 3221;
    /** {@code tsvector[]}. */
    public static final int TSVECTOR_ARRAY = 3643;
    /** {@code tsquery[]}. */
    public static final int TSQUERY_ARRAY = 3645;
    /** {@code jsonb[]}. */
    public static final int JSONB_ARRAY = 3807;
    /** {@code jsonpath[]}. */
    public static final int JSONPATH_ARRAY = 4073;
    /** {@code pg_snapshot[]}. */
    public static final int PG_SNAPSHOT_ARRAY = 5039;
    /** {@code xid8[]}. */
    public static final int XID8_ARRAY = 271;
    /** {@code int4range[]}. */
    public static final int INT4RANGE_ARRAY = 3905;
    /** {@code numrange[]}. */
    public static final int NUMRANGE_ARRAY = 3907;
    /** {@code tsrange[]}. */
    public static final int TSRANGE_ARRAY = 3909;
    /** {@code tstzrange[]}. */
    public static final int TSTZRANGE_ARRAY = 3911;
    /** {@code daterange[]}. */
    public static final int DATERANGE_ARRAY = 3913;
    /** {@code int8range[]}. */
    public static final int INT8RANGE_ARRAY = 3927;
    /** {@code int4multirange[]}. */
    public static final int INT4MULTIRANGE_ARRAY = 6150;
    /** {@code nummultirange[]}. */
    public static final int NUMMULTIRANGE_ARRAY = 6151;
    /** {@code tsmultirange[]}. */
    public static final int TSMULTIRANGE_ARRAY = 6152;
    /** {@code tstzmultirange[]}. */
    public static final int TSTZMULTIRANGE_ARRAY = 6153;
    /** {@code datemultirange[]}. */
    public static final int DATEMULTIRANGE_ARRAY = 6155;
    /** {@code int8multirange[]}. */
    public static final int INT8MULTIRANGE_ARRAY = 6157;
}
