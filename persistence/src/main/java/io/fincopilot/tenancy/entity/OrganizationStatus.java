package io.fincopilot.tenancy.entity;

public enum OrganizationStatus {
    ACTIVE, SUSPENDED, CLOSED
}
