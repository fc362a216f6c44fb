#include "BenchmarkShims.h"

int64_t benchmark_token_scan(const unsigned char *bytes, size_t count) {
    int64_t tokens = 0;
    int inside = 0;
    for (size_t index = 0; index < count; index++) {
        unsigned char byte = bytes[index];
        if (byte == '(' || byte == ')') {
            tokens++;
            inside = 0;
        } else if (byte == ' ' || byte == '\n' || byte == '\t' || byte == '\r') {
            inside = 0;
        } else if (byte == ';') {
            while (index < count && bytes[index] != '\n') index++;
            inside = 0;
        } else if (!inside) {
            tokens++;
            inside = 1;
        }
    }
    return tokens;
}
