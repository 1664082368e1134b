/// The table of ``Vocabulary``: for each concept, its words in English and in Chinese. Words are lower case (the
/// reader lower-cases what it compares) except for the concepts read as printed (`tableCaptionLead`,
/// `tableMention`).
enum VocabularyEntries {
    static let all: [Concept: [Language: Words]] = [
        // Section headings (`SectionKind`).
        .exampleHeading: [
            .english: Words(
                prefixes: ["example", "sample"],
                contained: ["example request", "example response", "request example", "response example", "examples"],
                suffixes: ["example"]),
            .chinese: Words(contained: ["示例", "样例"]),
        ],
        .uriHeading: [
            .english: Words(equal: ["uri", "url", "request line", "request url", "api format"], prefixes: ["uri"]),
            .chinese: Words(equal: ["请求uri", "请求url", "请求地址"]),
        ],
        .functionHeading: [
            .english: Words(equal: ["description", "api description"], contained: ["function"]),
            .chinese: Words(contained: ["功能介绍", "功能说明", "接口说明"]),
        ],
        .statusHeading: [
            .english: Words(contained: ["status code", "returned value", "return code"]),
            .chinese: Words(contained: ["状态码", "返回值", "返回码"]),
        ],
        .errorCodeHeading: [
            .english: Words(contained: ["error code"]),
            .chinese: Words(contained: ["错误码"]),
        ],
        .requestHeading: [
            .english: Words(prefixes: ["request"], contained: ["request parameter", "request body", "request header"]),
            .chinese: Words(prefixes: ["请求"], contained: ["请求参数"]),
        ],
        .responseHeading: [
            .english: Words(prefixes: ["response"], contained: ["response parameter", "response body"]),
            .chinese: Words(prefixes: ["响应"], contained: ["响应参数"]),
        ],
        .constraintHeading: [
            .english: Words(equal: ["constraints", "constraint", "restrictions"]),
            .chinese: Words(contained: ["约束", "限制"]),
        ],
        .sectionTitleParagraph: [
            .english: Words(equal: [
                "uri", "function", "request", "response", "request body", "response body", "request parameters",
                "response parameters", "example request", "example requests", "example response", "example responses",
                "samples", "status code", "status codes", "request header", "request headers",
            ]),
            .chinese: Words(equal: ["功能介绍", "请求参数", "响应参数", "请求示例", "响应示例", "状态码"]),
        ],
        .statusLine: [
            .english: Words(prefixes: ["status code"]),
            .chinese: Words(prefixes: ["状态码"]),
        ],
        .otherStatusLine: [
            .english: Words(prefixes: ["normal response code", "http status code"]),
            .chinese: Words(prefixes: ["正常响应码", "http状态码"]),
        ],
        // Table captions.
        .tableCaptionLead: [
            .english: Words(prefixes: ["Table"]),
            .chinese: Words(prefixes: ["表"]),
        ],
        .tableMention: [
            .english: Words(contained: ["Table "]),
            .chinese: Words(contained: ["表"]),
        ],
        .pathLocation: [
            .english: Words(contained: ["path"]),
            .chinese: Words(contained: ["路径"]),
        ],
        .queryLocation: [
            .english: Words(contained: ["query"]),
            .chinese: Words(contained: ["查询参数"]),
        ],
        .headerLocation: [
            .english: Words(contained: ["header"]),
            .chinese: Words(contained: ["消息头", "请求头"]),
        ],
        .bodyLocation: [
            .english: Words(equal: ["body", "formdata", "form"], contained: ["request body", "body parameter"]),
            .chinese: Words(equal: ["请求体", "消息体"], contained: ["body参数", "请求体参数"]),
        ],
        .filterMention: [
            .english: Words(contained: ["filter"]),
            .chinese: Words(contained: ["过滤", "筛选"]),
        ],
        .uriMention: [
            .english: Words(contained: ["uri", "url"]),
            .chinese: Words(contained: ["uri", "url", "请求路径"]),
        ],
        .pathLabel: [
            .english: Words(equal: ["path", "uri", "url", "request uri", "request url", "request path", "uri format"]),
            .chinese: Words(equal: ["路径", "请求路径", "请求uri", "请求url", "uri格式"]),
        ],
        .methodLabel: [
            .english: Words(equal: ["method", "request method", "http method"]),
            .chinese: Words(equal: ["方法", "请求方法", "请求方式", "http方法"]),
        ],
        .parameterCaption: [
            .english: Words(contained: ["parameter"]),
            .chinese: Words(contained: ["参数"]),
        ],
        .genericCaption: [
            .english: Words(equal: [
                "request body parameters", "request parameters", "request parameter", "response body parameters",
                "response parameters", "response parameter", "parameter description", "parameters", "path parameters",
                "query parameters", "request header parameters", "response header parameters", "parameter",
                "request", "response", "status codes", "error codes", "description", "header parameters",
            ]),
            .chinese: Words(equal: [
                "请求body参数", "请求参数", "响应body参数", "响应参数", "参数说明", "路径参数", "query参数",
                "请求header参数", "响应header参数", "状态码", "错误码",
            ]),
        ],
        // Column titles (`PageModel.columns(of:)`).
        .statusColumn: [
            .english: Words(equal: ["status", "returned value", "code"], contained: ["status code", "response code"]),
            .chinese: Words(equal: ["返回值"], contained: ["状态码", "响应码"]),
        ],
        .codeColumn: [
            .english: Words(equal: ["status", "http status code", "code"], contained: ["status code", "error code"]),
            .chinese: Words(contained: ["状态码", "错误码"]),
        ],
        .errorCodeColumn: [
            .english: Words(equal: ["error code", "error codes"]),
            .chinese: Words(equal: ["错误码"]),
        ],
        .errorMessageColumn: [
            .english: Words(equal: ["error message", "message", "error information", "error info"]),
            .chinese: Words(equal: ["错误信息", "错误消息"]),
        ],
        .solutionColumn: [
            .english: Words(equal: ["solution", "handling measure", "measure", "measures", "troubleshooting"]),
            .chinese: Words(equal: ["处理措施", "解决方案", "处理方法"]),
        ],
        .mandatoryColumn: [
            .english: Words(equal: ["optional", "m/o"], contained: ["mandatory", "required"]),
            .chinese: Words(contained: ["必选", "必填"]),
        ],
        .locationColumn: [
            .english: Words(equal: ["location", "in", "position", "parameter location"]),
            .chinese: Words(equal: ["参数位置", "位置"]),
        ],
        .typeColumn: [
            .english: Words(equal: ["type"], prefixes: ["type"], suffixes: [" type"]),
            .chinese: Words(equal: ["类型", "参数类型", "数据类型"]),
        ],
        .notTypeColumn: [
            .english: Words(contained: ["parameter type", "location"]),
            .chinese: Words(contained: ["位置"]),
        ],
        .parameterTypeColumn: [
            .english: Words(equal: ["parameter type"]),
            .chinese: Words(),
        ],
        .descriptionColumn: [
            .english: Words(contained: ["description", "meaning", "remark", "explanation"]),
            .chinese: Words(contained: ["描述", "说明", "含义", "备注"]),
        ],
        .nameColumn: [
            .english: Words(
                equal: ["element", "property", "key", "param"], prefixes: ["parameter", "name"],
                contained: ["field", "attribute"], suffixes: ["name"]),
            .chinese: Words(prefixes: ["参数", "名称", "字段", "属性"], suffixes: ["名称", "名"]),
        ],
        .notNameColumn: [
            .english: Words(contained: ["type", "description", "location"]),
            .chinese: Words(contained: ["类型", "描述", "说明", "位置"]),
        ],
        .headerRowName: [
            .english: Words(equal: ["name"], prefixes: ["parameter"]),
            .chinese: Words(equal: ["名称"], prefixes: ["参数"]),
        ],
        .headerRowDetail: [
            .english: Words(equal: ["type"], contained: ["description"]),
            .chinese: Words(equal: ["类型", "参数类型"], contained: ["描述"]),
        ],
        // Cells.
        .yes: [
            .english: Words(equal: ["true", "required", "m"], prefixes: ["yes", "mandatory"]),
            .chinese: Words(prefixes: ["是", "必选"]),
        ],
        .conditional: [
            .english: Words(contained: ["for ", " if ", "when", "condition", "only", "in "]),
            .chinese: Words(contained: ["条件", "当", "时"]),
        ],
        .none: [
            .english: Words(equal: ["none", "-", "n/a"]),
            .chinese: Words(equal: ["无"]),
        ],
        // Value lists (`EnumExtractor`).
        .valueListLead: [
            .english: Words(contained: [
                "options:", "option:", "enums:", "enum:", "enumerated values", "enumeration values", "enumerations:",
                "the value can be", "possible values", "value range:", "the options are", "available values",
                "valid values", "values:", "the value is one of", "can be set to", "the following values",
                "supported values", "value options", "options are as follows", "can be one of",
                "the value must be one of", "the values are", "value:", "the value can only be", "must be one of",
                "the value of this parameter can be", "the options include", "values include",
                "value of this parameter is", "range:", "options include",
            ]),
            .chinese: Words(contained: ["枚举值如下", "可选值如下", "取值如下", "取值范围", "枚举值", "可选值", "取值为"]),
        ],
        .valueListHint: [
            .english: Words(contained: ["option", "value", "enum", "range", "can be", "one of"]),
            .chinese: Words(contained: ["值"]),
        ],
        .valueListHeading: [
            .english: Words(equal: ["range", "value range", "values"]),
            .chinese: Words(equal: ["取值范围", "枚举值", "可选值"]),
        ],
        .valueListEnd: [
            .english: Words(contained: ["default value:", "default:"]),
            .chinese: Words(contained: ["默认值", "缺省值"]),
        ],
        // Descriptions of a field without a Type column (`Builder.readProperty`).
        .listDescription: [
            .english: Words(contained: ["list", "array"]),
            .chinese: Words(contained: ["列表", "数组"]),
        ],
        .flagDescription: [
            .english: Words(prefixes: ["specifies whether", "whether", "indicates whether"]),
            .chinese: Words(prefixes: ["是否"]),
        ],
        .countDescription: [
            .english: Words(prefixes: ["specifies the number of", "number of", "indicates the number of"]),
            .chinese: Words(suffixes: ["数量", "数量。", "个数", "个数。"]),
        ],
        .mapDescription: [
            .english: Words(contained: ["key-value pair", "key/value pair", "key value pair"]),
            .chinese: Words(contained: ["键值对"]),
        ],
        .obtainMention: [
            .english: Words(contained: ["obtain", "how to query", "how to get"]),
            .chinese: Words(contained: ["获取", "如何查询"]),
        ],
        // Examples (`ExampleReader`).
        .exampleWord: [
            .english: Words(prefixes: ["example", "sample"]),
            .chinese: Words(contained: ["示例", "样例"]),
        ],
        // A Chinese run of text is one word: the phrase, not `请求` alone (`请求成功` is no request example).
        .requestWord: [
            .english: Words(prefixes: ["request"]),
            .chinese: Words(contained: ["请求示例", "请求样例"]),
        ],
        .responseWord: [
            .english: Words(prefixes: ["response"]),
            .chinese: Words(contained: ["响应示例", "响应样例"]),
        ],
        .requestMention: [
            .english: Words(contained: ["request"]),
            .chinese: Words(contained: ["请求"]),
        ],
        .responseMention: [
            .english: Words(contained: ["response"]),
            .chinese: Words(contained: ["响应"]),
        ],
        .failureMention: [
            .english: Words(contained: ["fail", "error"]),
            .chinese: Words(contained: ["失败", "错误", "异常"]),
        ],
    ]
}
